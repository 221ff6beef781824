import { MessagePlatform } from '../enums';
import { MessageTemplateDto, TemplateContent, TemplateStatus } from '../api/templates';
import { suggestTemplateValues } from './template-prefill';
import { describeTemplateStatus } from './template-status';
import { templateOptions, TemplateUsabilityContext, templateUsability } from './template-usability';

const content: TemplateContent = {
  parameterFormat: 'POSITIONAL',
  header: null,
  body: 'Hi {{1}}, order {{2}} shipped.',
  examples: { '1': 'Jane', '2': '#1' },
  footer: null,
  buttons: [],
};
const template = (patch: Partial<MessageTemplateDto> = {}): MessageTemplateDto => ({
  id: 't1',
  channelId: 'page-1',
  externalId: '42',
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  status: TemplateStatus.APPROVED,
  statusReasonCode: null,
  statusReason: null,
  content,
  libraryTemplateName: null,
  createdById: null,
  submittedAt: null,
  statusUpdatedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...patch,
});
const ctx: TemplateUsabilityContext = { platform: MessagePlatform.FACEBOOK, channelId: 'page-1', policyMode: 'template_required' };

describe('templateUsability', () => {
  it.each<[string, Partial<MessageTemplateDto>, Partial<typeof ctx>, RegExp | null]>([
    ['approved, outside the window', {}, {}, null],
    ['approved, inside the window', {}, { policyMode: 'response' }, null],
    ['Instagram', {}, { platform: MessagePlatform.INSTAGRAM }, /only on Messenger/],
    ['another Page', { channelId: 'page-2' }, {}, /another Facebook Page/],
    ['draft', { status: TemplateStatus.DRAFT }, {}, /Not submitted/],
    ['pending', { status: TemplateStatus.PENDING }, {}, /Waiting for Meta/],
    [
      'rejected with a documented reason',
      { status: TemplateStatus.REJECTED, statusReasonCode: 'TAG_SHOULD_BE_MARKETING' },
      {},
      /rejected it: Meta considers it marketing/,
    ],
    ['paused', { status: TemplateStatus.PAUSED }, {}, /paused it/],
    ['disabled', { status: TemplateStatus.DISABLED }, {}, /disabled it/],
    ['image header', { content: { ...content, header: { format: 'IMAGE' } } }, {}, /image header/],
    ['blocked conversation', {}, { policyMode: 'blocked' }, /Nothing can be sent/],
  ])('%s', (_case, patch, context, reason) => {
    const result = templateUsability(template(patch), { ...ctx, ...context });
    expect(result.usable).toBe(reason === null);
    if (reason) expect(result.reason).toMatch(reason);
    else expect(result.reason).toBeNull();
  });

  it('lists usable templates first, then by name', () => {
    const options = templateOptions(
      [
        template({ id: 'b', name: 'b_update', status: TemplateStatus.PENDING }),
        template({ id: 'c', name: 'c_update' }),
        template({ id: 'a', name: 'a_update', status: TemplateStatus.REJECTED }),
      ],
      ctx,
    );
    expect(options.map((o) => [o.template.id, o.usable])).toEqual([
      ['c', true],
      ['a', false],
      ['b', false],
    ]);
  });
});

describe('describeTemplateStatus', () => {
  it('explains unknown and empty rejection reasons too', () => {
    expect(describeTemplateStatus(TemplateStatus.REJECTED, 'SOMETHING_NEW')).toBe("Meta rejected it: Meta's reason: SOMETHING_NEW.");
    expect(describeTemplateStatus(TemplateStatus.REJECTED, 'NONE')).toBe('Meta rejected it: Meta gave no reason.');
    expect(describeTemplateStatus(TemplateStatus.APPROVED, 'NONE')).toBeNull();
  });
});

describe('suggestTemplateValues', () => {
  it.each<[string, TemplateContent['body'], string | null, Record<string, string>]>([
    ['greeting then a number', 'Hi {{1}}, order {{2}} shipped.', 'Aiko Tanaka', { '1': 'Aiko' }],
    ['German greeting', 'Hallo {{1}}, danke!', 'Jana Schmidt', { '1': 'Jana' }],
    ['a number not after a greeting', 'Order {{1}} for you has shipped.', 'Aiko Tanaka', {}],
    [
      'named first name and full name',
      'Dear {{first_name}}, the invoice for {{full_name}} is ready.',
      'Aiko Tanaka',
      { first_name: 'Aiko', full_name: 'Aiko Tanaka' },
    ],
    ['unknown name: nothing', 'Hi {{1}}, order {{2}} shipped.', null, {}],
  ])('%s', (_case, body, name, expected) => {
    expect(suggestTemplateValues({ ...content, body, parameterFormat: /\{\{[a-z]/.test(body) ? 'NAMED' : 'POSITIONAL' }, { name })).toEqual(expected);
  });
});
