import {
  suggestTemplateValues,
  templateLanguageLabel,
  variableNames,
  type ContactDto,
  type ReplyPolicyTemplateOption,
  type SendTemplateInput,
  type TemplateContent,
} from '@ticklegram/domain-models';

/** The api's stand-in names ("Messenger user …1234") are not the customer's name. */
const PLACEHOLDER_NAME = /^(Messenger|Instagram) user …/;

/** The customer's name as far as a template may use it; null when we only have a placeholder. */
export function customerNameFor(contact: Pick<ContactDto, 'displayName'>): string | null {
  const name = contact.displayName.trim();
  return name && !PLACEHOLDER_NAME.test(name) && !name.startsWith('@') ? name : null;
}

/** Options matching the search (name or text) and language; usable ones stay first, as the api sorted them. */
export function filterPickerOptions(options: readonly ReplyPolicyTemplateOption[], search: string, language: string): ReplyPolicyTemplateOption[] {
  const q = search.trim().toLowerCase();
  return options.filter(
    (o) =>
      (!language || o.template.language === language) && (!q || o.template.name.toLowerCase().includes(q) || o.template.content.body.toLowerCase().includes(q)),
  );
}

export function pickerLanguages(options: readonly ReplyPolicyTemplateOption[]): { code: string; label: string }[] {
  return [...new Set(options.map((o) => o.template.language))].sort().map((code) => ({ code, label: templateLanguageLabel(code) }));
}

/** Every body variable with a starting value: the customer's name where a variable asks for it, empty otherwise. */
export function initialPickerValues(content: TemplateContent, customerName: string | null): Record<string, string> {
  const suggested = suggestTemplateValues(content, { name: customerName });
  return Object.fromEntries(variableNames(content.body).map((name) => [name, suggested[name] ?? '']));
}

/** What `POST /messages` gets: values in order for `{{1}}` templates, by name for named ones. */
export function sendInputFor(templateId: string, content: TemplateContent, values: Record<string, string>, urlSuffix: string): SendTemplateInput {
  const names = variableNames(content.body);
  const input: SendTemplateInput = { id: templateId };
  if (names.length > 0)
    input.parameters = content.parameterFormat === 'NAMED' ? Object.fromEntries(names.map((n) => [n, values[n] ?? ''])) : names.map((n) => values[n] ?? '');
  if (urlSuffix.trim()) input.urlSuffix = urlSuffix.trim();
  return input;
}
