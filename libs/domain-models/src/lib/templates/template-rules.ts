import type { FieldError } from '../api/errors';
import type { TemplateButton, TemplateButtonInput, TemplateContent, TemplateDraft, TemplateParameterFormat } from '../api/templates';
import { TEMPLATE_LANGUAGE_CODE } from './template-languages';
import { detectParameterFormat, findVariableTokens, hasStrayBraces, isNamedName, isPositionalName, urlVariable, variableNames } from './template-variables';

/**
 * Meta's rules for a utility template, checked before it is submitted (reference §9 and the limits
 * Meta applies to message templates: header/footer 60, body 1,024, button text 25, ≤ 3 buttons).
 * Shared by the api (400 with these field errors) and the Templates form (shown as you type).
 */
export const TEMPLATE_LIMITS = {
  nameMax: 512,
  headerMax: 60,
  bodyMax: 1024,
  footerMax: 60,
  buttonsMax: 3,
  buttonTextMax: 25,
  urlMax: 2000,
  payloadMax: 1000,
  exampleMax: 200,
} as const;

/** One broken rule, on the field it concerns (`name`, `body`, `examples.1`, `buttons.0.url`). */
export interface TemplateProblem {
  field: string;
  message: string;
}

/** Problems grouped per field, as the api answers them (`ApiErrorBody.errors`). */
export function problemsByField(problems: readonly TemplateProblem[]): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  return [...byField].map(([field, messages]) => ({ field, messages }));
}

const NAME = /^[a-z0-9_]+$/;
const PROMOTIONAL = /\b(sale|discount|promo|promotion|coupon|voucher|deal of the day)\b|%\s*off\b/i;

const chars = (text: string): number => [...text].length;
const blank = (text: string | null | undefined): boolean => !text || text.trim().length === 0;

export function validateTemplateDraft(draft: TemplateDraft): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  const name = draft.name ?? '';
  if (blank(name)) add('name', 'Give the template a name.');
  else if (!NAME.test(name)) add('name', 'Use lowercase letters, digits and underscores only, e.g. order_update.');
  else if (name.length > TEMPLATE_LIMITS.nameMax) add('name', `Keep the name to ${TEMPLATE_LIMITS.nameMax} characters.`);

  if (!TEMPLATE_LANGUAGE_CODE.test(draft.language ?? '')) add('language', 'Pick a language (a code like en_US or de_DE).');

  checkFixedText(draft.header, 'header', 'header', TEMPLATE_LIMITS.headerMax, add);
  checkFixedText(draft.footer, 'footer', 'footer', TEMPLATE_LIMITS.footerMax, add);

  const body = draft.body ?? '';
  const format = detectParameterFormat(body);
  const bodyOk = checkBody(body, format, add);
  if (bodyOk) checkExamples(body, draft.examples ?? {}, add);
  checkButtons(draft.buttons ?? [], format, add);
  return problems;
}

/**
 * Not rule breaks but likely rejections (Meta's documented reasons), shown to the admin before
 * submitting: too many variables for the text, promotional wording in a utility template.
 */
export function templateWarnings(draft: Pick<TemplateDraft, 'body'>): TemplateProblem[] {
  const warnings: TemplateProblem[] = [];
  const body = draft.body ?? '';
  const variables = findVariableTokens(body).length;
  const words = body
    .replace(/\{\{[^{}]*\}\}/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
  if (variables > 0 && words < 2 * variables) {
    warnings.push({
      field: 'body',
      message: 'Meta often rejects templates with many variables and few words (PARAMS_TO_WORD_RATIO_EXCEED_LIMIT). Add more fixed text around the variables.',
    });
  }
  if (PROMOTIONAL.test(body)) {
    warnings.push({
      field: 'body',
      message: 'Utility templates must not advertise: Meta rejects promotional wording such as sales or discounts (TAG_SHOULD_BE_MARKETING).',
    });
  }
  return warnings;
}

/** The content a valid draft describes, normalised (trimmed, empty parts dropped, examples of its variables only). */
export function contentFromDraft(draft: TemplateDraft): TemplateContent {
  const body = draft.body;
  const names = variableNames(body);
  const examples: Record<string, string> = {};
  for (const name of names) {
    const value = draft.examples?.[name];
    if (value !== undefined) examples[name] = value.trim();
  }
  return {
    parameterFormat: detectParameterFormat(body),
    header: blank(draft.header) ? null : { format: 'TEXT', text: (draft.header as string).trim() },
    body,
    examples,
    footer: blank(draft.footer) ? null : (draft.footer as string).trim(),
    buttons: (draft.buttons ?? []).map(buttonFromInput),
  };
}

function buttonFromInput(input: TemplateButtonInput): TemplateButton {
  if (input.type === 'URL') {
    const url = (input.url ?? '').trim();
    return {
      type: 'URL',
      text: input.text.trim(),
      url,
      urlExample: urlVariable(url) !== null && !blank(input.urlExample) ? (input.urlExample as string).trim() : null,
    };
  }
  return { type: 'QUICK_REPLY', text: input.text.trim(), payload: blank(input.payload) ? null : (input.payload as string) };
}

function checkFixedText(text: string | null | undefined, field: string, label: string, max: number, add: (field: string, message: string) => void): void {
  if (blank(text)) return;
  const value = text as string;
  if (chars(value.trim()) > max) add(field, `Keep the ${label} to ${max} characters.`);
  if (findVariableTokens(value).length > 0 || hasStrayBraces(value)) add(field, `The ${label} is fixed text: variables are only allowed in the body.`);
}

/** Returns whether the variables are well formed (examples are only checked then). */
function checkBody(body: string, format: TemplateParameterFormat, add: (field: string, message: string) => void): boolean {
  if (blank(body)) {
    add('body', 'Write the message text.');
    return false;
  }
  if (chars(body) > TEMPLATE_LIMITS.bodyMax) add('body', `Keep the text to ${TEMPLATE_LIMITS.bodyMax} characters (now ${chars(body)}).`);
  if (hasStrayBraces(body)) {
    add('body', 'Write variables with two braces on each side, e.g. {{1}}.');
    return false;
  }
  const tokens = findVariableTokens(body);
  const bad = tokens.find((t) => !isPositionalName(t.raw) && !isNamedName(t.raw));
  if (bad) {
    add('body', `{{${bad.raw}}} is not a variable Meta accepts: use {{1}}, {{2}}… or lowercase names like {{first_name}} (no spaces or symbols).`);
    return false;
  }
  if (format === 'NAMED' && tokens.some((t) => isPositionalName(t.raw))) {
    add('body', 'Use either numbered variables ({{1}}) or named ones ({{first_name}}), not both.');
    return false;
  }
  const seen = tokens.map((t) => t.raw);
  const repeated = seen.find((name, i) => seen.indexOf(name) !== i);
  if (repeated !== undefined) {
    add('body', `Use each variable once: {{${repeated}}} appears more than once.`);
    return false;
  }
  if (format === 'POSITIONAL' && seen.some((name, i) => name !== String(i + 1))) {
    add('body', 'Number the variables in order: {{1}} first, then {{2}}, and so on.');
    return false;
  }
  const trimmed = body.trim();
  if (tokens.length > 0 && trimmed.startsWith('{{')) add('body', 'The text cannot start with a variable (Meta rejects it). Put some words first.');
  if (tokens.length > 0 && trimmed.endsWith('}}'))
    add('body', 'The text cannot end with a variable (Meta rejects it). Add some words or punctuation after it.');
  return true;
}

function checkExamples(body: string, examples: Record<string, string>, add: (field: string, message: string) => void): void {
  const names = variableNames(body);
  for (const name of names) {
    const value = examples[name];
    if (blank(value)) add(`examples.${name}`, `Give an example for {{${name}}}: Meta reviews the template with it.`);
    else if (chars(value.trim()) > TEMPLATE_LIMITS.exampleMax) add(`examples.${name}`, `Keep the example to ${TEMPLATE_LIMITS.exampleMax} characters.`);
    else if (hasStrayBraces(value) || findVariableTokens(value).length > 0) add(`examples.${name}`, 'An example is plain text, without braces.');
  }
  for (const key of Object.keys(examples)) {
    if (!names.includes(key)) add(`examples.${key}`, `The text has no {{${key}}}: remove this example.`);
  }
}

function checkButtons(buttons: TemplateButtonInput[], format: TemplateParameterFormat, add: (field: string, message: string) => void): void {
  if (buttons.length > TEMPLATE_LIMITS.buttonsMax) add('buttons', `Meta allows at most ${TEMPLATE_LIMITS.buttonsMax} buttons.`);
  const texts = buttons.map((b) => (b.text ?? '').trim().toLowerCase());
  let urlVariables = 0;
  buttons.forEach((button, i) => {
    const at = `buttons.${i}`;
    const text = (button.text ?? '').trim();
    if (!text) add(`${at}.text`, 'Give the button a label.');
    else if (chars(text) > TEMPLATE_LIMITS.buttonTextMax) add(`${at}.text`, `Keep button labels to ${TEMPLATE_LIMITS.buttonTextMax} characters.`);
    else if (texts.indexOf(text.toLowerCase()) !== i) add(`${at}.text`, 'Each button needs its own label.');
    if (button.type === 'QUICK_REPLY') {
      if ((button.payload ?? '').length > TEMPLATE_LIMITS.payloadMax) add(`${at}.payload`, `Keep the payload to ${TEMPLATE_LIMITS.payloadMax} characters.`);
      return;
    }
    if (button.type !== 'URL') {
      add(`${at}.type`, 'A button is either a link (URL) or a quick reply.');
      return;
    }
    const url = (button.url ?? '').trim();
    if (!isHttpUrl(url.replace(/\{\{[^{}]*\}\}/g, 'x'))) {
      add(`${at}.url`, 'Enter a full link starting with https://');
      return;
    }
    if (url.length > TEMPLATE_LIMITS.urlMax) add(`${at}.url`, `Keep the link to ${TEMPLATE_LIMITS.urlMax} characters.`);
    const tokens = findVariableTokens(url);
    const variable = urlVariable(url);
    if (hasStrayBraces(url) || tokens.length > 1 || (tokens.length === 1 && variable === null)) {
      add(`${at}.url`, 'A link may have one variable, at its very end (e.g. https://example.com/track/{{1}}).');
      return;
    }
    if (variable === null) return;
    urlVariables += 1;
    const expected = format === 'NAMED' ? isNamedName(variable) : variable === '1';
    if (!expected)
      add(
        `${at}.url`,
        format === 'NAMED'
          ? 'With named variables, end the link with a lowercase name, e.g. {{order_id}}.'
          : 'End the link with {{1}} (link variables are numbered on their own).',
      );
    if (blank(button.urlExample)) add(`${at}.urlExample`, 'Give an example of the end of the link (e.g. 12345) for Meta’s review.');
    if (urlVariables > 1) add(`${at}.url`, 'Only one link button can end with a variable.');
  });
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
