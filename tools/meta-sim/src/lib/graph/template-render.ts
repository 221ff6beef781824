import type { SimAttachment, SimTemplate, SimTemplateComponent } from '../state/model';
import type { SimContext } from '../sim-context';
import { obj, str } from '../http/request';
import { Errors } from './graph-error';

/**
 * Sending an approved utility template (reference §9): `message.template{name, language{code},
 * components[{type: header|body|buttons, parameters[…]}]}`. BODY-only templates arrive as text;
 * templates with a header or buttons look like a generic template (title, subtitle, image, buttons).
 */

export interface RenderedTemplate {
  text?: string;
  attachment?: SimAttachment;
  templateName: string;
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w]+)\s*\}\}/g)].map((m) => m[1] ?? '');
}

export function findTemplate(ctx: SimContext, pageId: string, spec: Record<string, unknown>): SimTemplate {
  const name = str(spec['name']);
  const language = str(obj(spec['language'])?.['code']) ?? str(spec['language']);
  if (!name || !language) throw Errors.param('Template name and language code are required');
  const t = [...ctx.store.templates.values()].find((x) => x.pageId === pageId && x.name === name && x.language === language && !x.deleted);
  if (!t) throw Errors.param(`Template ${name} (${language}) does not exist`, 2018385);
  if (t.status !== 'APPROVED') throw Errors.param(`Template ${name} (${language}) is not approved (status ${t.status})`, 2018386);
  return t;
}

function component(t: SimTemplate, type: string): SimTemplateComponent | undefined {
  return t.components.find((c) => c.type.toUpperCase() === type);
}

function paramsOf(components: unknown, type: string): Array<Record<string, unknown> | undefined> {
  const list = Array.isArray(components) ? components.map(obj).filter((c): c is Record<string, unknown> => !!c) : [];
  const found = list.find((c) => str(c['type'])?.toLowerCase() === type);
  return Array.isArray(found?.['parameters']) ? (found['parameters'] as unknown[]).map(obj) : [];
}

function fill(t: SimTemplate, text: string, params: Array<Record<string, unknown> | undefined>, where: string): string {
  const names = placeholders(text);
  if (params.length !== names.length) {
    throw Errors.param(`Number of ${where} parameters (${params.length}) does not match the expected number of params (${names.length})`, 2018400);
  }
  let out = text;
  names.forEach((name, i) => {
    const p = t.parameterFormat === 'NAMED' ? params.find((x) => str(x?.['parameter_name']) === name) : params[i];
    const value = str(p?.['text']);
    if (value === undefined) throw Errors.param(`Missing value for template parameter ${name}`, 2018400);
    out = out.replace(new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`), value);
  });
  return out;
}

export function renderTemplate(t: SimTemplate, components: unknown): RenderedTemplate {
  const body = fill(t, component(t, 'BODY')?.text ?? '', paramsOf(components, 'body'), 'body');
  const header = component(t, 'HEADER');
  const buttons = component(t, 'BUTTONS')?.buttons ?? [];
  if (!header && buttons.length === 0) return { text: body, templateName: t.name };
  let title: string | undefined;
  let imageUrl: string | undefined;
  if (header && (header.format ?? 'TEXT').toUpperCase() === 'TEXT') title = fill(t, header.text ?? '', paramsOf(components, 'header'), 'header');
  if (header && header.format?.toUpperCase() === 'IMAGE') {
    const param = paramsOf(components, 'header')[0];
    imageUrl =
      str(obj(param?.['image'])?.['link']) ??
      str(obj(header.example)?.['header_url']) ??
      str((obj(header.example)?.['header_handle'] as unknown[] | undefined)?.[0]);
  }
  const buttonParams = paramsOf(components, 'buttons');
  const rendered = buttons.map((b, i) => {
    const type = str(b['type'])?.toUpperCase();
    const p = buttonParams[i];
    const titleText = str(b['text']) ?? '';
    if (type === 'URL') {
      const url = str(b['url']) ?? '';
      const suffix = str(p?.['url']) ?? str(p?.['text']);
      if (placeholders(url).length > 0 && suffix === undefined) throw Errors.param(`Missing URL suffix for button ${i}`, 2018400);
      return { type: 'web_url', title: titleText, url: suffix === undefined ? url : url.replace(/\{\{\s*\w+\s*\}\}/, suffix) };
    }
    if (type === 'PHONE_NUMBER') return { type: 'phone_number', title: titleText, payload: str(b['phone_number']) ?? '' };
    return { type: 'postback', title: titleText, payload: str(p?.['payload']) ?? str(b['payload']) ?? titleText };
  });
  const element: Record<string, unknown> = { title: title ?? body, buttons: rendered };
  if (title !== undefined) element['subtitle'] = body;
  if (imageUrl) element['image_url'] = imageUrl;
  return { templateName: t.name, attachment: { type: 'template', extra: { template_type: 'generic', elements: [element] } } };
}
