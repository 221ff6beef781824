import { OUTCOMES_WITH_VALUE, outcomeTypeOf, type RecordOutcomeRequest } from '@ticklegram/domain-models';

export interface OutcomeFormValues {
  type: string;
  value: string;
  currency: string;
  email: string;
  phone: string;
}

export const EMPTY_OUTCOME_FORM: OutcomeFormValues = { type: 'Purchase', value: '', currency: 'EUR', email: '', phone: '' };

/** The request for the form, or field errors the api would give (checked before sending). */
export function outcomeRequest(values: OutcomeFormValues): { ok: true; body: RecordOutcomeRequest } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const type = outcomeTypeOf(values.type);
  if (!type) errors['type'] = 'Pick what happened.';
  const needsValue = type !== null && OUTCOMES_WITH_VALUE.includes(type);
  const raw = values.value.trim().replace(',', '.');
  const value = raw === '' ? undefined : Number(raw);
  if (value !== undefined && (!Number.isFinite(value) || value < 0)) errors['value'] = 'Enter an amount such as 49.90.';
  if (needsValue && value === undefined) errors['value'] = `A ${type?.toLowerCase()} needs its value.`;
  const currency = values.currency.trim().toUpperCase();
  if ((needsValue || value !== undefined) && !/^[A-Z]{3}$/.test(currency)) errors['currency'] = 'Enter a currency code such as EUR.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const body: RecordOutcomeRequest = { type: type as string };
  if (value !== undefined) {
    body.value = value;
    body.currency = currency;
  }
  if (values.email.trim()) body.email = values.email.trim();
  if (values.phone.trim()) body.phone = values.phone.trim();
  return { ok: true, body };
}

/** A value for display: 49.9 EUR → "€49.90" in the browser's locale. */
export function formatMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}
