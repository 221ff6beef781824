import type { TemplateContent } from '../api/templates';
import { findVariableTokens } from './template-variables';

/** What we know about the customer that a template variable may ask for. */
export interface TemplateCustomerData {
  /** The customer's real name, when Meta gave one (not a placeholder such as "Messenger user …1234"). */
  name: string | null;
}

const FIRST_NAME_VARIABLES = new Set(['first_name', 'firstname', 'given_name', 'customer_first_name', 'name', 'customer_name', 'customer']);
const FULL_NAME_VARIABLES = new Set(['full_name', 'fullname', 'customer_full_name']);
/** A numbered variable right after a greeting ("Hi {{1}},") is the customer's first name. */
const GREETING_BEFORE = /(?:^|[\n.!?]\s*)(hi|hello|hey|dear|hallo|hola|bonjour|ciao|olá|ola|hej|moin|servus|good (?:morning|afternoon|evening))\s*,?\s*$/i;

/**
 * Values the template picker can fill in before the agent types: the customer's first or full name where
 * a variable asks for it (by name, or a numbered variable after a greeting). Nothing is guessed otherwise.
 */
export function suggestTemplateValues(content: TemplateContent, customer: TemplateCustomerData): Record<string, string> {
  const full = customer.name?.trim() ?? '';
  if (!full) return {};
  const first = full.split(/\s+/)[0] ?? full;
  const values: Record<string, string> = {};
  for (const token of findVariableTokens(content.body)) {
    const name = token.raw;
    if (FULL_NAME_VARIABLES.has(name)) values[name] = full;
    else if (FIRST_NAME_VARIABLES.has(name)) values[name] = first;
    else if (/^\d+$/.test(name) && GREETING_BEFORE.test(content.body.slice(0, token.index))) values[name] = first;
  }
  return values;
}
