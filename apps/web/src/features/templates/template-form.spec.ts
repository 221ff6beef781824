import { TemplateStatus, validateTemplateDraft, type MessageTemplateDto } from '@ticklegram/domain-models';
import { draftFromForm, emptyTemplateForm, examplesFor, formFromTemplate, previewContent, statusBadge } from './template-form';

describe('template form', () => {
  it('turns the form into the api draft: optional parts left out, examples of the body only, link examples only with a variable', () => {
    const form = {
      ...emptyTemplateForm('page-1'),
      name: ' order_update ',
      body: 'Hi {{1}}, order {{2}} shipped.',
      examples: { '1': 'Jane', '2': '#1', '3': 'stale' },
      header: '  ',
      buttons: [
        { type: 'URL' as const, text: 'Track', url: ' https://example.com/t/{{1}} ', urlExample: '42' },
        { type: 'URL' as const, text: 'Help', url: 'https://example.com/help', urlExample: 'ignored' },
        { type: 'QUICK_REPLY' as const, text: 'Stop', payload: '' },
      ],
    };
    const draft = draftFromForm(form);
    expect(draft).toEqual({
      name: 'order_update',
      language: 'en_US',
      header: null,
      body: 'Hi {{1}}, order {{2}} shipped.',
      examples: { '1': 'Jane', '2': '#1' },
      footer: null,
      buttons: [
        { type: 'URL', text: 'Track', url: 'https://example.com/t/{{1}}', urlExample: '42' },
        { type: 'URL', text: 'Help', url: 'https://example.com/help', urlExample: null },
        { type: 'QUICK_REPLY', text: 'Stop', payload: null },
      ],
    });
    expect(validateTemplateDraft(draft)).toEqual([]);
  });

  it('keeps the examples of variables that remain when the body changes', () => {
    expect(examplesFor('Hi {{1}}, see you.', { '1': 'Jane', '2': '#1' })).toEqual({ '1': 'Jane' });
    expect(examplesFor('Hi {{1}}, order {{2}}.', { '1': 'Jane' })).toEqual({ '1': 'Jane', '2': '' });
  });

  it('round-trips a saved draft and previews named variables', () => {
    const template = {
      id: 't',
      channelId: 'page-1',
      name: 'table_ready',
      language: 'de_DE',
      status: TemplateStatus.DRAFT,
      content: {
        parameterFormat: 'NAMED',
        header: { format: 'TEXT', text: 'Tisch' },
        body: 'Hallo {{first_name}}, bitte kommen.',
        examples: { first_name: 'Jana' },
        footer: null,
        buttons: [{ type: 'QUICK_REPLY', text: 'Ok', payload: 'OK' }],
      },
    } as unknown as MessageTemplateDto;
    const form = formFromTemplate(template);
    expect(form).toMatchObject({
      name: 'table_ready',
      language: 'de_DE',
      header: 'Tisch',
      footer: '',
      buttons: [{ type: 'QUICK_REPLY', text: 'Ok', payload: 'OK' }],
    });
    expect(previewContent(form)).toEqual({ ...template.content });
  });

  it.each([
    [TemplateStatus.APPROVED, 'Approved', 'success'],
    [TemplateStatus.PENDING, 'In review', 'secondary'],
    [TemplateStatus.REJECTED, 'Rejected', 'destructive'],
    [TemplateStatus.DRAFT, 'Draft', 'outline'],
  ])('%s shows as %s', (status, label, tone) => {
    expect(statusBadge(status)).toEqual({ label, tone });
  });
});
