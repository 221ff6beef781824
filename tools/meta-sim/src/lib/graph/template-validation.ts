import type { SimTemplateComponent } from '../state/model';
import { obj, str } from '../http/request';
import { Errors, GraphError } from './graph-error';

/**
 * Checks Meta applies when a utility template is submitted (before review), answered with `100`:
 * component types, one BODY, lengths, variable syntax, buttons (URL / POSTBACK / PHONE_NUMBER; QUICK_REPLY
 * → 2018416 per reference §9). Lengths follow Meta's message-template limits (header/footer 60, body
 * 1024, button text 25, ≤ 3 buttons); Meta doesn't print Messenger-specific ones.
 */

const VARIABLE = /\{\{([^}]*)\}\}/g;

function invalid(message: string, subcode?: number): GraphError {
  return Errors.param(message, subcode, message);
}

function variables(text: string, format: 'POSITIONAL' | 'NAMED', where: string): string[] {
  const found = [...text.matchAll(VARIABLE)].map((m) => (m[1] ?? '').trim());
  for (const v of found) {
    const ok = format === 'NAMED' ? /^[a-z][a-z0-9_]*$/.test(v) : /^\d+$/.test(v);
    if (!ok)
      throw invalid(
        `Invalid variable {{${v}}} in ${where}: use ${format === 'NAMED' ? 'lowercase letters, digits and underscores' : 'numbers {{1}}, {{2}}…'} only`,
      );
  }
  return found;
}

function button(raw: Record<string, unknown>, i: number, format: 'POSITIONAL' | 'NAMED'): Record<string, unknown> {
  const type = str(raw['type'])?.toUpperCase();
  if (type === 'QUICK_REPLY') throw Errors.param('QUICK_REPLY buttons are not supported for utility templates', 2018416);
  if (type !== 'URL' && type !== 'POSTBACK' && type !== 'PHONE_NUMBER') throw invalid(`buttons[${i}].type must be one of URL, POSTBACK, PHONE_NUMBER`);
  const text = str(raw['text']);
  if (!text || [...text].length > 25) throw invalid(`buttons[${i}].text must be 1 to 25 characters`);
  if (type === 'URL') {
    const url = str(raw['url']) ?? '';
    if (!/^https?:\/\/\S+$/.test(url)) throw invalid(`buttons[${i}].url must be a valid http(s) URL`);
    const vars = variables(url, format, `buttons[${i}].url`);
    if (vars.length > 1 || (vars.length === 1 && !/\}\}$/.test(url))) throw invalid(`buttons[${i}].url may have one variable, at its end`);
    const example = raw['example'];
    const hasExample = (Array.isArray(example) && example.length > 0) || !!str(example) || !!str(obj(example)?.['url_suffix_example']);
    if (vars.length === 1 && !hasExample) throw invalid(`buttons[${i}] needs an example URL suffix (example.url_suffix_example)`);
  }
  if (type === 'PHONE_NUMBER' && !/^\+?[0-9 ]{6,20}$/.test(str(raw['phone_number']) ?? '')) throw invalid(`buttons[${i}].phone_number must be a phone number`);
  return { ...raw, type };
}

export function validateComponents(raw: unknown, format: 'POSITIONAL' | 'NAMED'): SimTemplateComponent[] {
  if (!Array.isArray(raw) || raw.length === 0) throw Errors.param('param components must be non-empty.');
  const seen = new Set<string>();
  const components = raw.map((c) => {
    const o = obj(c) ?? {};
    const type = str(o['type'])?.toUpperCase();
    if (!type || !['HEADER', 'BODY', 'BUTTONS', 'FOOTER'].includes(type)) throw Errors.param('Invalid component type');
    if (seen.has(type)) throw invalid(`Only one ${type} component is allowed`);
    seen.add(type);
    const buttons = Array.isArray(o['buttons']) ? (o['buttons'] as unknown[]).map((b) => obj(b) ?? {}) : undefined;
    return { type, text: str(o['text']), format: str(o['format'])?.toUpperCase(), buttons, example: obj(o['example']) } as SimTemplateComponent;
  });
  const body = components.find((c) => c.type === 'BODY');
  if (!body?.text) throw Errors.param('A BODY component with text is required');
  if ([...body.text].length > 1024) throw invalid('BODY text must be at most 1024 characters');
  variables(body.text, format, 'BODY');
  for (const c of components) {
    if (c.type === 'HEADER') {
      const headerFormat = c.format ?? 'TEXT';
      if (headerFormat === 'TEXT') {
        if (!c.text || [...c.text].length > 60) throw invalid('HEADER text must be 1 to 60 characters');
        if (variables(c.text, format, 'HEADER').length > 1) throw invalid('HEADER text may have at most one variable');
      } else if (headerFormat === 'IMAGE') {
        const handle = c.example?.['header_handle'];
        if (!(Array.isArray(handle) && handle.length > 0) && !str(c.example?.['header_url']))
          throw invalid('An IMAGE header needs example.header_handle (a Resumable Upload handle)');
      } else throw invalid('HEADER format must be TEXT or IMAGE');
    }
    if (c.type === 'FOOTER' && (!c.text || [...c.text].length > 60 || variables(c.text, format, 'FOOTER').length > 0))
      throw invalid('FOOTER text must be 1 to 60 characters without variables');
    if (c.type === 'BUTTONS') {
      if (!c.buttons || c.buttons.length === 0 || c.buttons.length > 3) throw invalid('BUTTONS must have 1 to 3 buttons');
      c.buttons = c.buttons.map((b, i) => button(b, i, format));
    }
  }
  return components;
}
