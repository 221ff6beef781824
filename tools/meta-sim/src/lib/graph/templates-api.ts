import type { SimTemplate, SimTemplateComponent, TemplateStatus } from '../state/model';
import type { SimContext } from '../sim-context';
import { str } from '../http/request';
import { templateStatusEvent } from '../webhooks/events';
import type { AuthContext } from './auth';
import { Errors } from './graph-error';
import type { NodeFactory } from './nodes';
import { libraryComponents, TEMPLATE_LIBRARY } from './template-library';
import { placeholders } from './template-render';
import { validateComponents } from './template-validation';

/** Utility message templates on a Page: submit (PENDING → APPROVED/REJECTED), list, status, delete. */

const timers = new WeakMap<SimContext, Set<NodeJS.Timeout>>();

/**
 * Meta's review, documented reasons first (reference §9): INCORRECT_PARAMS (starts/ends with a variable,
 * non-sequential positional variables), PARAMS_TO_WORD_RATIO_EXCEED_LIMIT, TAG_SHOULD_BE_MARKETING; then
 * TEMPLATE_VARIABLES_MISSING_SAMPLE_VALUES (observed by integrations, UNVERIFIED in Meta's docs).
 */
export function reviewOutcome(t: SimTemplate): { status: TemplateStatus; reason?: string } {
  const bodyComponent = t.components.find((c) => c.type.toUpperCase() === 'BODY');
  const body = bodyComponent?.text ?? '';
  const vars = placeholders(body);
  if (t.category !== 'UTILITY') return { status: 'REJECTED', reason: 'TAG_SHOULD_BE_MARKETING' };
  if (/^\s*\{\{/.test(body) || /\}\}\s*$/.test(body)) return { status: 'REJECTED', reason: 'INCORRECT_PARAMS' };
  if (t.parameterFormat === 'POSITIONAL' && vars.some((p, i) => p !== String(i + 1))) return { status: 'REJECTED', reason: 'INCORRECT_PARAMS' };
  const words = body
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
  if (vars.length > 0 && words / vars.length < 2) return { status: 'REJECTED', reason: 'PARAMS_TO_WORD_RATIO_EXCEED_LIMIT' };
  if (/\b(sale|discount|% off|promo|coupon)\b/i.test(body)) return { status: 'REJECTED', reason: 'TAG_SHOULD_BE_MARKETING' };
  const example = bodyComponent?.example ?? {};
  const samples = t.parameterFormat === 'NAMED' ? example['body_text_named_params'] : (example['body_text'] as unknown[] | undefined)?.[0];
  if (vars.length > 0 && (!Array.isArray(samples) || samples.length < vars.length))
    return { status: 'REJECTED', reason: 'TEMPLATE_VARIABLES_MISSING_SAMPLE_VALUES' };
  return { status: 'APPROVED' };
}

export function setTemplateStatus(ctx: SimContext, t: SimTemplate, status: TemplateStatus, reason?: string): void {
  t.status = status;
  t.rejectedReason = status === 'REJECTED' ? (reason ?? 'INCORRECT_PARAMS') : undefined;
  ctx.webhooks.enqueue(templateStatusEvent(t));
  ctx.store.changed('template', t.id);
}

export function cancelTemplateReviews(ctx: SimContext): void {
  timers.get(ctx)?.forEach((t) => clearTimeout(t));
  timers.get(ctx)?.clear();
}

function pageOf(ctx: SimContext, auth: AuthContext, nodeId: string): string {
  const id = nodeId === 'me' ? auth.token.subjectId : nodeId;
  if (!ctx.store.pages.has(id) || !auth.accountIds.has(id)) throw Errors.unsupportedGet(`${nodeId}/message_templates`);
  return id;
}

export function submitTemplate(ctx: SimContext, auth: AuthContext, nodeId: string, params: Record<string, unknown>): Record<string, unknown> {
  const pageId = pageOf(ctx, auth, nodeId);
  const name = str(params['name']);
  const language = str(params['language']);
  const category = str(params['category']);
  if (!name || !/^[a-z0-9_]{1,512}$/.test(name)) throw Errors.param('param name must be lowercase alphanumeric characters and underscores');
  if (!language) throw Errors.param('param language must be non-empty.');
  if (!category) throw Errors.param('param category must be non-empty.');
  if (category !== 'UTILITY') throw Errors.param('param category must be one of {UTILITY}');
  const parameterFormat = str(params['parameter_format'])?.toUpperCase() === 'NAMED' ? 'NAMED' : 'POSITIONAL';
  const library = str(params['library_template_name']);
  let components: SimTemplateComponent[];
  if (library) {
    const base = TEMPLATE_LIBRARY.find((t) => t.name === library && t.language === language) ?? TEMPLATE_LIBRARY.find((t) => t.name === library);
    if (!base) throw Errors.param(`Library template ${library} does not exist`, 2388023);
    components = libraryComponents(base, params['library_template_button_inputs']);
  } else {
    components = validateComponents(params['components'], parameterFormat);
  }
  const exists = [...ctx.store.templates.values()].some((t) => t.pageId === pageId && t.name === name && t.language === language && !t.deleted);
  if (exists) throw Errors.param(`Message template "${name}" already exists in ${language}`, 2388024);
  const id = ctx.store.newNumericId('template', 104595129350000n);
  const t: SimTemplate = {
    id,
    pageId,
    name,
    language,
    category,
    components,
    parameterFormat,
    status: 'PENDING',
    createdAt: Date.now(),
    deleted: false,
  };
  ctx.store.templates.set(id, t);
  const set = timers.get(ctx) ?? new Set<NodeJS.Timeout>();
  timers.set(ctx, set);
  const timer = setTimeout(() => {
    set.delete(timer);
    if (t.deleted || t.status !== 'PENDING') return;
    const { templateReviewMode: mode, templateRejectReason } = ctx.store.settings;
    // Clones of Meta's library are pre-approved; otherwise the configured review decides.
    const outcome =
      mode === 'approve'
        ? { status: 'APPROVED' as const }
        : mode === 'reject'
          ? { status: 'REJECTED' as const, reason: templateRejectReason }
          : library
            ? { status: 'APPROVED' as const }
            : reviewOutcome(t);
    setTemplateStatus(ctx, t, outcome.status, outcome.reason);
  }, ctx.store.settings.templateReviewMs);
  set.add(timer);
  return { id, status: 'PENDING', category };
}

export function listTemplates(
  ctx: SimContext,
  auth: AuthContext,
  nodes: NodeFactory,
  nodeId: string,
  params: Record<string, unknown>,
): ReturnType<NodeFactory['template']>[] {
  const pageId = pageOf(ctx, auth, nodeId);
  const name = str(params['name']);
  const status = str(params['status']);
  return [...ctx.store.templates.values()]
    .filter((t) => t.pageId === pageId && !t.deleted && (!name || t.name === name) && (!status || t.status === status))
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((t) => nodes.template(t));
}

export function deleteTemplates(ctx: SimContext, auth: AuthContext, nodeId: string, params: Record<string, unknown>): Record<string, unknown> {
  const pageId = pageOf(ctx, auth, nodeId);
  const name = str(params['name']);
  const hsmId = str(params['hsm_id']);
  if (!name && !hsmId) throw Errors.param('param name or hsm_id must be non-empty.');
  const matches = [...ctx.store.templates.values()].filter((t) => t.pageId === pageId && !t.deleted && (hsmId ? t.id === hsmId : t.name === name));
  if (matches.length === 0) throw Errors.param('Message template not found', 2593002);
  matches.forEach((t) => (t.deleted = true));
  return { success: true };
}
