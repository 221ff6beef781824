import { TemplateStatus, type MessageTemplateDto, type ReplyPolicyTemplateOption, type TemplateContent } from '@ticklegram/domain-models';
import { filterTemplates, parseTemplateFilters, templateFiltersToParams } from './template-filters';
import { customerNameFor, filterPickerOptions, initialPickerValues, pickerLanguages, sendInputFor } from './template-picker-state';

const positional: TemplateContent = {
  parameterFormat: 'POSITIONAL',
  header: null,
  body: 'Hi {{1}}, order {{2}} is ready.',
  examples: { '1': 'Jane', '2': '#1' },
  footer: null,
  buttons: [],
};
const named: TemplateContent = {
  parameterFormat: 'NAMED',
  header: null,
  body: 'Dear {{first_name}}, table for {{party_size}}.',
  examples: { first_name: 'A', party_size: '2' },
  footer: null,
  buttons: [],
};
const option = (name: string, language: string, content: TemplateContent, usable = true): ReplyPolicyTemplateOption => ({
  template: { id: name, name, language, content, status: TemplateStatus.APPROVED, channelId: 'p' } as MessageTemplateDto,
  usable,
  reason: usable ? null : 'Waiting for Meta’s review.',
});

describe('template picker', () => {
  const options = [option('order_ready', 'en_US', positional), option('tisch', 'de_DE', named), option('pending_one', 'en_US', positional, false)];

  it('filters by name or text and by language', () => {
    expect(filterPickerOptions(options, 'ORDER', '').map((o) => o.template.name)).toEqual(['order_ready', 'pending_one']);
    expect(filterPickerOptions(options, 'table', '').map((o) => o.template.name)).toEqual(['tisch']);
    expect(filterPickerOptions(options, '', 'de_DE').map((o) => o.template.name)).toEqual(['tisch']);
    expect(pickerLanguages(options)).toEqual([
      { code: 'de_DE', label: 'German' },
      { code: 'en_US', label: 'English (US)' },
    ]);
  });

  it('prefills the customer’s first name where a variable asks for it, and never a placeholder name', () => {
    expect(initialPickerValues(positional, customerNameFor({ displayName: 'Aiko Tanaka' }))).toEqual({ '1': 'Aiko', '2': '' });
    expect(initialPickerValues(named, 'Aiko Tanaka')).toEqual({ first_name: 'Aiko', party_size: '' });
    expect(customerNameFor({ displayName: 'Messenger user …2347' })).toBeNull();
    expect(initialPickerValues(positional, customerNameFor({ displayName: 'Messenger user …2347' }))).toEqual({ '1': '', '2': '' });
  });

  it('sends values in order for numbered templates and by name for named ones', () => {
    expect(sendInputFor('t1', positional, { '2': '#9', '1': 'Aiko' }, '')).toEqual({ id: 't1', parameters: ['Aiko', '#9'] });
    expect(sendInputFor('t2', named, { first_name: 'Aiko', party_size: '4' }, ' 77 ')).toEqual({
      id: 't2',
      parameters: { first_name: 'Aiko', party_size: '4' },
      urlSuffix: '77',
    });
    expect(sendInputFor('t3', { ...positional, body: 'Your appointment is confirmed.', examples: {} }, {}, '')).toEqual({ id: 't3' });
  });
});

describe('template filters (URL)', () => {
  it('round-trips through the query string and filters the list', () => {
    const filters = parseTemplateFilters(new URLSearchParams('status=REJECTED&q=order&page=p1&status=ignored'));
    expect(filters).toEqual({ status: 'REJECTED', search: 'order', channelId: 'p1' });
    expect(templateFiltersToParams(filters).toString()).toBe('status=REJECTED&q=order&page=p1');
    expect(parseTemplateFilters(new URLSearchParams('status=NOPE'))).toEqual({ status: null, search: '', channelId: null });
    const list = [
      { name: 'order_ready', status: 'REJECTED', channelId: 'p1', content: { body: 'x' } },
      { name: 'other', status: 'REJECTED', channelId: 'p1', content: { body: 'Your order' } },
      { name: 'order_two', status: 'APPROVED', channelId: 'p1', content: { body: 'x' } },
    ] as unknown as MessageTemplateDto[];
    expect(filterTemplates(list, filters).map((t) => t.name)).toEqual(['order_ready', 'other']);
  });
});
