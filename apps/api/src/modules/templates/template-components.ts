import { LibraryTemplateDto, TemplateButton, TemplateContent, TemplateStatus, TEMPLATE_STATUSES, urlVariable, variableNames } from '@ticklegram/domain-models';
import { TemplateButtonDefinition, TemplateComponentDefinition, TemplateWire, UtilityTemplateComponent } from '@ticklegram/meta-graph';

/**
 * Our {@link TemplateContent} ↔ Meta's template components (reference §9). A `QUICK_REPLY` button is
 * Meta's `POSTBACK` button; named variables go with `parameter_format: NAMED` and `body_text_named_params`.
 */

export function toMetaComponents(content: TemplateContent): TemplateComponentDefinition[] {
  const components: TemplateComponentDefinition[] = [];
  if (content.header?.format === 'TEXT') components.push({ type: 'HEADER', format: 'TEXT', text: content.header.text });
  const names = variableNames(content.body);
  const body: TemplateComponentDefinition = { type: 'BODY', text: content.body };
  if (names.length > 0) {
    body.example =
      content.parameterFormat === 'NAMED'
        ? { body_text_named_params: names.map((name) => ({ param_name: name, example: content.examples[name] ?? '' })) }
        : { body_text: [names.map((name) => content.examples[name] ?? '')] };
  }
  components.push(body);
  if (content.footer) components.push({ type: 'FOOTER', text: content.footer });
  if (content.buttons.length > 0) components.push({ type: 'BUTTONS', buttons: content.buttons.map(toMetaButton) });
  return components;
}

function toMetaButton(button: TemplateButton): TemplateButtonDefinition {
  if (button.type === 'URL')
    return { type: 'URL', text: button.text, url: button.url, ...(button.urlExample ? { example: { url_suffix_example: button.urlExample } } : {}) };
  if (button.type === 'QUICK_REPLY') return { type: 'POSTBACK', text: button.text, payload: button.payload ?? button.text };
  return { type: 'PHONE_NUMBER', text: button.text, phone_number: button.phoneNumber };
}

/** The Send API's `message.template.components` for these values (body parameters in order, button parameters by index). */
export function toSendComponents(content: TemplateContent, values: Record<string, string>, urlSuffix: string | null): UtilityTemplateComponent[] {
  const components: UtilityTemplateComponent[] = [];
  const names = variableNames(content.body);
  if (names.length > 0) {
    components.push({
      type: 'body',
      parameters: names.map((name) =>
        content.parameterFormat === 'NAMED' ? { type: 'text', text: values[name] ?? '', parameter_name: name } : { type: 'text', text: values[name] ?? '' },
      ),
    });
  }
  const suffixIndex = content.buttons.findIndex((b) => b.type === 'URL' && urlVariable(b.url) !== null);
  if (suffixIndex >= 0 && urlSuffix) {
    // Meta reads button parameters by position: the buttons before the link get theirs too
    const parameters = content.buttons.slice(0, suffixIndex + 1).map((b, i) => {
      if (i === suffixIndex) return { type: 'URL' as const, url: urlSuffix };
      if (b.type === 'QUICK_REPLY') return { type: 'POSTBACK' as const, payload: b.payload ?? b.text };
      return { type: 'URL' as const, url: '' };
    });
    components.push({ type: 'buttons', parameters });
  }
  return components;
}

export interface ParsedMetaTemplate {
  externalId: string;
  name: string;
  language: string;
  status: TemplateStatus;
  reasonCode: string | null;
  content: TemplateContent;
}

/** A template as Meta lists it; null when it is not a template we can represent (no body, unknown status). */
export function fromMetaTemplate(wire: TemplateWire): ParsedMetaTemplate | null {
  const status = parseStatus(wire.status);
  const components = Array.isArray(wire.components) ? (wire.components as unknown as Record<string, unknown>[]) : [];
  const content = contentFromComponents(components, wire.parameter_format);
  if (!wire.id || !wire.name || !wire.language || !status || !content) return null;
  return {
    externalId: String(wire.id),
    name: wire.name,
    language: wire.language,
    status,
    reasonCode: wire.rejected_reason ?? wire.specific_rejection_reason ?? null,
    content,
  };
}

export function parseStatus(value: unknown): TemplateStatus | null {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  return TEMPLATE_STATUSES.find((s) => s === upper && s !== TemplateStatus.DRAFT) ?? null;
}

/** One of Meta's library templates (`name, language, topic, usecase, header, body, body_params, buttons`). */
export function fromLibraryItem(item: Record<string, unknown>): LibraryTemplateDto | null {
  const name = str(item['name']);
  const language = str(item['language']);
  const body = str(item['body']);
  if (!name || !language || !body) return null;
  const names = variableNames(body);
  const params = Array.isArray(item['body_params']) ? item['body_params'].map((v) => String(v)) : [];
  const header = str(item['header']);
  const buttons = Array.isArray(item['buttons'])
    ? (item['buttons'] as unknown[]).map((b) => parseButton(obj(b))).filter((b): b is TemplateButton => b !== null)
    : [];
  return {
    name,
    language,
    topic: str(item['topic']),
    usecase: str(item['usecase']),
    content: {
      parameterFormat: names.some((n) => !/^\d+$/.test(n)) ? 'NAMED' : 'POSITIONAL',
      header: header ? { format: 'TEXT', text: header } : null,
      body,
      examples: Object.fromEntries(names.map((n, i) => [n, params[i] ?? ''])),
      footer: null,
      buttons,
    },
  };
}

function contentFromComponents(components: Record<string, unknown>[], format: unknown): TemplateContent | null {
  const find = (type: string) => components.find((c) => str(c['type'])?.toUpperCase() === type);
  const bodyComponent = find('BODY');
  const body = str(bodyComponent?.['text']);
  if (!body) return null;
  const names = variableNames(body);
  const named = format === 'NAMED' || names.some((n) => !/^\d+$/.test(n));
  const example = obj(bodyComponent?.['example']);
  const examples: Record<string, string> = {};
  if (named) {
    const list = Array.isArray(example?.['body_text_named_params']) ? (example['body_text_named_params'] as unknown[]).map(obj) : [];
    for (const entry of list) {
      const param = str(entry?.['param_name']);
      if (param) examples[param] = str(entry?.['example']) ?? '';
    }
  } else {
    const rows = Array.isArray(example?.['body_text']) ? (example['body_text'] as unknown[]) : [];
    const first = Array.isArray(rows[0]) ? (rows[0] as unknown[]) : [];
    names.forEach((n, i) => {
      if (first[i] !== undefined) examples[n] = String(first[i]);
    });
  }
  const headerComponent = find('HEADER');
  const headerFormat = str(headerComponent?.['format'])?.toUpperCase() ?? 'TEXT';
  const headerText = str(headerComponent?.['text']);
  const buttonsComponent = find('BUTTONS');
  const rawButtons = Array.isArray(buttonsComponent?.['buttons']) ? (buttonsComponent['buttons'] as unknown[]) : [];
  return {
    parameterFormat: named ? 'NAMED' : 'POSITIONAL',
    header: !headerComponent
      ? null
      : headerFormat === 'TEXT' && headerText
        ? { format: 'TEXT', text: headerText }
        : headerFormat === 'TEXT'
          ? null
          : { format: 'IMAGE' },
    body,
    examples,
    footer: str(find('FOOTER')?.['text']),
    buttons: rawButtons.map((b) => parseButton(obj(b))).filter((b): b is TemplateButton => b !== null),
  };
}

function parseButton(raw: Record<string, unknown> | null): TemplateButton | null {
  if (!raw) return null;
  const type = str(raw['type'])?.toUpperCase();
  const text = str(raw['text']) ?? '';
  if (type === 'URL') {
    const url = str(raw['url']) ?? '';
    return { type: 'URL', text, url, urlExample: urlVariable(url) === null ? null : urlExampleOf(url, raw['example']) };
  }
  if (type === 'POSTBACK' || type === 'QUICK_REPLY') return { type: 'QUICK_REPLY', text, payload: str(raw['payload']) };
  if (type === 'PHONE_NUMBER') return { type: 'PHONE_NUMBER', text, phoneNumber: str(raw['phone_number']) ?? '' };
  return null;
}

/** Meta documents `{url_suffix_example}`; templates read back may carry `[full example URL]` instead. */
function urlExampleOf(url: string, example: unknown): string | null {
  const suffix = str(obj(example)?.['url_suffix_example']);
  if (suffix) return suffix;
  const full = Array.isArray(example) ? str(example[0]) : str(example);
  if (!full) return null;
  const prefix = url.replace(/\{\{[^{}]*\}\}$/, '');
  return full.startsWith(prefix) ? full.slice(prefix.length) || null : full;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function obj(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
