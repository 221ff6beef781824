import type { TemplateContent } from '../api/templates';
import type { TemplateProblem } from './template-rules';
import { fillVariables, urlVariable, variableNames } from './template-variables';

/** Messenger's text limit: a BODY-only utility message reaches the customer as a text message. */
export const RENDERED_BODY_MAX = 2000;
const PARAMETER_MAX = 1000;

export interface RenderedTemplateButton {
  type: 'URL' | 'QUICK_REPLY' | 'PHONE_NUMBER';
  text: string;
  /** URL buttons: the link with its suffix filled in (or still `{{1}}` when missing). */
  url: string | null;
}

/** A template as the customer will see it. Variables without a value stay visible as `{{name}}`. */
export interface RenderedTemplate {
  header: string | null;
  /** True when the header is an image (shown as a placeholder in previews). */
  headerImage: boolean;
  body: string;
  footer: string | null;
  buttons: RenderedTemplateButton[];
  /** Body variables still without a value. */
  missing: string[];
}

export function renderTemplate(content: TemplateContent, values: Record<string, string> = {}, urlSuffix: string | null = null): RenderedTemplate {
  const { text, missing } = fillVariables(content.body, values);
  return {
    header: content.header?.format === 'TEXT' ? content.header.text : null,
    headerImage: content.header?.format === 'IMAGE',
    body: text,
    footer: content.footer,
    buttons: content.buttons.map((b) => {
      if (b.type !== 'URL') return { type: b.type, text: b.text, url: null };
      const variable = urlVariable(b.url);
      const suffix = urlSuffix ?? b.urlExample;
      return { type: 'URL', text: b.text, url: variable !== null && suffix ? b.url.slice(0, b.url.length - `{{${variable}}}`.length) + suffix : b.url };
    }),
    missing,
  };
}

/** The template's preview with its own examples filled in (what Meta reviews). */
export function renderTemplateExample(content: TemplateContent): RenderedTemplate {
  return renderTemplate(content, content.examples, null);
}

/** Whether a URL button ends with a variable that must be filled when sending. */
export function templateNeedsUrlSuffix(content: TemplateContent): boolean {
  return content.buttons.some((b) => b.type === 'URL' && urlVariable(b.url) !== null);
}

export type ResolvedTemplateParameters =
  | { ok: true; values: Record<string, string>; urlSuffix: string | null; rendered: RenderedTemplate }
  | { ok: false; problems: TemplateProblem[] };

/**
 * Checks what an agent sends with a template: the body variables' values (an array in order for
 * `{{1}}` templates, an object by name for named ones) and the URL button's suffix when it has one.
 */
export function resolveTemplateParameters(
  content: TemplateContent,
  parameters: string[] | Record<string, string> | undefined,
  urlSuffix?: string | null,
): ResolvedTemplateParameters {
  const problems: TemplateProblem[] = [];
  const names = variableNames(content.body);
  const values: Record<string, string> = {};
  const given = parameters ?? (content.parameterFormat === 'NAMED' ? {} : []);

  if (content.parameterFormat === 'POSITIONAL') {
    if (!Array.isArray(given)) {
      problems.push({ field: 'template.parameters', message: 'This template numbers its variables: send their values in order, as a list.' });
    } else if (given.length !== names.length) {
      problems.push({
        field: 'template.parameters',
        message:
          names.length === 0
            ? 'This template has no variables: send no values.'
            : `This template has ${names.length} variable${names.length === 1 ? '' : 's'}: send ${names.length} value${names.length === 1 ? '' : 's'} (got ${given.length}).`,
      });
    } else {
      names.forEach((name, i) => (values[name] = given[i] ?? ''));
    }
  } else if (Array.isArray(given) || typeof given !== 'object') {
    problems.push({ field: 'template.parameters', message: 'This template names its variables: send their values as an object, e.g. {"first_name": "Aiko"}.' });
  } else {
    for (const name of names) values[name] = given[name] ?? '';
    for (const key of Object.keys(given)) {
      if (!names.includes(key)) problems.push({ field: `template.parameters.${key}`, message: `The template has no {{${key}}}.` });
    }
  }
  for (const [name, value] of Object.entries(values)) {
    const field = content.parameterFormat === 'NAMED' ? `template.parameters.${name}` : `template.parameters.${names.indexOf(name)}`;
    if (typeof value !== 'string' || value.trim().length === 0) problems.push({ field, message: `Fill in {{${name}}}.` });
    else if ([...value].length > PARAMETER_MAX) problems.push({ field, message: `Keep {{${name}}} to ${PARAMETER_MAX} characters.` });
  }

  const needsSuffix = templateNeedsUrlSuffix(content);
  const suffix = urlSuffix?.trim() ? urlSuffix.trim() : null;
  if (needsSuffix && !suffix) problems.push({ field: 'template.urlSuffix', message: 'Fill in the end of the button’s link.' });
  if (!needsSuffix && suffix) problems.push({ field: 'template.urlSuffix', message: 'This template has no link that takes a value.' });
  if (suffix && /\s/.test(suffix)) problems.push({ field: 'template.urlSuffix', message: 'The end of the link cannot contain spaces.' });
  if (problems.length) return { ok: false, problems };

  const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
  const rendered = renderTemplate(content, trimmed, suffix);
  if ([...rendered.body].length > RENDERED_BODY_MAX) {
    return {
      ok: false,
      problems: [
        {
          field: 'template.parameters',
          message: `With these values the message is ${[...rendered.body].length} characters; Messenger allows ${RENDERED_BODY_MAX}.`,
        },
      ],
    };
  }
  return { ok: true, values: trimmed, urlSuffix: suffix, rendered };
}
