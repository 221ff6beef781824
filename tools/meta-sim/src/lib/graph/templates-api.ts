import type { SimTemplate, SimTemplateComponent, TemplateStatus } from '../state/model';
import type { SimContext } from '../sim-context';
import { obj, str } from '../http/request';
import { templateStatusEvent } from '../webhooks/events';
import type { AuthContext } from './auth';
import { Errors } from './graph-error';
import type { NodeFactory } from './nodes';

/** Utility message templates on a Page: submit (PENDING → APPROVED/REJECTED), list, status, delete. */

/** Meta's pre-approved utility template library (a small simulated subset). */
export const TEMPLATE_LIBRARY = [
  { id: '7000000000000001', name: 'order_confirmation', language: 'en_US', category: 'UTILITY', topic: 'ORDER_MANAGEMENT', usecase: 'ORDER_CONFIRMATION', body: 'Hi {{1}}, thank you for your order! Your order number is {{2}}.', body_params: ['Jane', '#1001'] },
  { id: '7000000000000002', name: 'shipping_update', language: 'en_US', category: 'UTILITY', topic: 'ORDER_MANAGEMENT', usecase: 'SHIPPING_UPDATE', body: 'Good news {{1}}! Your order {{2}} has shipped and should arrive on {{3}}.', body_params: ['Jane', '#1001', 'Friday'] },
  { id: '7000000000000003', name: 'appointment_confirmation', language: 'en_US', category: 'UTILITY', topic: 'APPOINTMENTS', usecase: 'APPOINTMENT_CONFIRMATION', body: 'Hi {{1}}, your appointment on {{2}} is confirmed.', body_params: ['Jane', 'Monday 10:00'] },
  { id: '7000000000000004', name: 'order_confirmation', language: 'de_DE', category: 'UTILITY', topic: 'ORDER_MANAGEMENT', usecase: 'ORDER_CONFIRMATION', body: 'Hallo {{1}}, danke für deine Bestellung! Deine Bestellnummer ist {{2}}.', body_params: ['Jana', '#1001'] },
  { id: '7000000000000005', name: 'payment_reminder', language: 'en_US', category: 'UTILITY', topic: 'PAYMENTS', usecase: 'PAYMENT_REMINDER', body: 'Hi {{1}}, a friendly reminder that invoice {{2}} is due on {{3}}.', body_params: ['Jane', 'INV-7', '1 March'] },
];

/** `GET /message_template_library?name_or_content=&language=` */
export function libraryTemplates(params: Record<string, unknown>): Array<Record<string, unknown>> {
  const q = str(params['name_or_content'])?.toLowerCase();
  const language = str(params['language']);
  return TEMPLATE_LIBRARY.filter((t) => (!q || t.name.includes(q) || t.body.toLowerCase().includes(q)) && (!language || t.language === language)).map((t) => ({ ...t }));
}

const timers = new WeakMap<SimContext, Set<NodeJS.Timeout>>();

function reviewOutcome(t: SimTemplate): { status: TemplateStatus; reason?: string } {
  const body = t.components.find((c) => c.type.toUpperCase() === 'BODY')?.text ?? '';
  const placeholders = [...body.matchAll(/\{\{\s*([\w]+)\s*\}\}/g)].map((m) => m[1] ?? '');
  if (t.category !== 'UTILITY') return { status: 'REJECTED', reason: 'TAG_SHOULD_BE_MARKETING' };
  if (/^\s*\{\{/.test(body) || /\}\}\s*$/.test(body)) return { status: 'REJECTED', reason: 'INCORRECT_PARAMS' };
  if (t.parameterFormat === 'POSITIONAL' && placeholders.some((p, i) => p !== String(i + 1))) return { status: 'REJECTED', reason: 'INCORRECT_PARAMS' };
  const words = body.replace(/\{\{[^}]*\}\}/g, ' ').split(/\s+/).filter(Boolean).length;
  if (placeholders.length > 0 && words / placeholders.length < 2) return { status: 'REJECTED', reason: 'PARAMS_TO_WORD_RATIO_EXCEED_LIMIT' };
  if (/\b(sale|discount|% off|promo)\b/i.test(body)) return { status: 'REJECTED', reason: 'TAG_SHOULD_BE_MARKETING' };
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
  const library = str(params['library_template_name']);
  let components: SimTemplateComponent[] = [];
  if (library) {
    const base = TEMPLATE_LIBRARY.find((t) => t.name === library && t.language === language) ?? TEMPLATE_LIBRARY.find((t) => t.name === library);
    if (!base) throw Errors.param(`Library template ${library} does not exist`, 2388023);
    components = [{ type: 'BODY', text: base.body, example: { body_text: [base.body_params] } }];
  } else {
    const raw = params['components'];
    if (!Array.isArray(raw) || raw.length === 0) throw Errors.param('param components must be non-empty.');
    components = raw.map((c) => {
      const o = obj(c) ?? {};
      const type = str(o['type'])?.toUpperCase();
      if (!type || !['HEADER', 'BODY', 'BUTTONS', 'FOOTER'].includes(type)) throw Errors.param('Invalid component type');
      const buttons = Array.isArray(o['buttons']) ? (o['buttons'] as unknown[]).map((b) => obj(b) ?? {}) : undefined;
      buttons?.forEach((b) => {
        if (str(b['type'])?.toUpperCase() === 'QUICK_REPLY') throw Errors.param('QUICK_REPLY buttons are not supported for utility templates', 2018416);
      });
      return { type, text: str(o['text']), format: str(o['format']), buttons, example: obj(o['example']) };
    });
    if (!components.some((c) => c.type === 'BODY' && c.text)) throw Errors.param('A BODY component with text is required');
  }
  const exists = [...ctx.store.templates.values()].some((t) => t.pageId === pageId && t.name === name && t.language === language && !t.deleted);
  if (exists) throw Errors.param(`Message template "${name}" already exists in ${language}`, 2388024);
  const id = ctx.store.newNumericId('template', 104595129350000n);
  const t: SimTemplate = {
    id, pageId, name, language, category, components,
    parameterFormat: str(params['parameter_format'])?.toUpperCase() === 'NAMED' ? 'NAMED' : 'POSITIONAL',
    status: 'PENDING', createdAt: Date.now(), deleted: false,
  };
  ctx.store.templates.set(id, t);
  const set = timers.get(ctx) ?? new Set<NodeJS.Timeout>();
  timers.set(ctx, set);
  const timer = setTimeout(() => {
    set.delete(timer);
    if (t.deleted || t.status !== 'PENDING') return;
    const outcome = reviewOutcome(t);
    setTemplateStatus(ctx, t, outcome.status, outcome.reason);
  }, ctx.store.settings.templateReviewMs);
  set.add(timer);
  return { id, status: 'PENDING', category };
}

export function listTemplates(ctx: SimContext, auth: AuthContext, nodes: NodeFactory, nodeId: string, params: Record<string, unknown>): ReturnType<NodeFactory['template']>[] {
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
