import { EMPTY_OUTCOME_FORM, formatMoney, outcomeRequest } from './outcome-form';

describe('outcomeRequest', () => {
  it('a purchase needs its value and a currency code', () => {
    expect(outcomeRequest({ ...EMPTY_OUTCOME_FORM, value: '' })).toEqual({ ok: false, errors: { value: 'A purchase needs its value.' } });
    expect(outcomeRequest({ ...EMPTY_OUTCOME_FORM, value: '49,90', currency: 'eu' })).toEqual({
      ok: false,
      errors: { currency: 'Enter a currency code such as EUR.' },
    });
    expect(outcomeRequest({ ...EMPTY_OUTCOME_FORM, value: '-1' })).toMatchObject({ ok: false, errors: { value: expect.any(String) } });
  });

  it('builds the request: decimal comma, upper-case currency, contact data only when given', () => {
    expect(outcomeRequest({ ...EMPTY_OUTCOME_FORM, value: '49,90', currency: 'eur' })).toEqual({
      ok: true,
      body: { type: 'Purchase', value: 49.9, currency: 'EUR' },
    });
    expect(outcomeRequest({ type: 'LeadSubmitted', value: '', currency: 'EUR', email: ' a@b.co ', phone: '' })).toEqual({
      ok: true,
      body: { type: 'LeadSubmitted', email: 'a@b.co' },
    });
  });

  it('refuses an event Meta does not take', () => {
    expect(outcomeRequest({ ...EMPTY_OUTCOME_FORM, type: 'PageView' })).toMatchObject({ ok: false, errors: { type: expect.any(String) } });
  });
});

describe('formatMoney', () => {
  it('formats known currencies and falls back for unknown ones', () => {
    expect(formatMoney(49.9, 'EUR')).toMatch(/49[.,]90/);
    expect(formatMoney(5, 'NOPE')).toBe('5 NOPE');
  });
});
