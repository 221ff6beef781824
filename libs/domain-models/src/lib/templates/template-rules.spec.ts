import type { TemplateDraft } from '../api/templates';
import { contentFromDraft, templateWarnings, validateTemplateDraft } from './template-rules';

const valid: TemplateDraft = {
  name: 'order_update',
  language: 'en_US',
  body: 'Hi {{1}}, your order {{2}} has shipped and arrives soon.',
  examples: { '1': 'Jane', '2': '#1001' },
};

/** The field → message pairs for a draft that differs from `valid` by `patch`. */
const problemsOf = (patch: Partial<TemplateDraft>) => validateTemplateDraft({ ...valid, ...patch });

describe('validateTemplateDraft', () => {
  it('accepts a valid positional draft, a named one, and one without variables', () => {
    expect(validateTemplateDraft(valid)).toEqual([]);
    expect(problemsOf({ body: 'Hello {{first_name}}, your table for {{party_size}} is ready.', examples: { first_name: 'Aiko', party_size: '4' } })).toEqual(
      [],
    );
    expect(problemsOf({ body: 'Your appointment is confirmed.', examples: {} })).toEqual([]);
  });

  it.each<[string, Partial<TemplateDraft>, string, RegExp]>([
    ['empty name', { name: '' }, 'name', /Give the template a name/],
    ['uppercase name', { name: 'Order_Update' }, 'name', /lowercase letters, digits and underscores/],
    ['name with a space', { name: 'order update' }, 'name', /lowercase/],
    ['name over 512', { name: 'a'.repeat(513) }, 'name', /512 characters/],
    ['language not a code', { language: 'English' }, 'language', /Pick a language/],
    ['empty body', { body: '  ', examples: {} }, 'body', /Write the message text/],
    ['body over 1024', { body: `Hello ${'a'.repeat(1020)}`, examples: {} }, 'body', /1024 characters/],
    ['single braces', { body: 'Hi {1}}, thanks.', examples: {} }, 'body', /two braces/],
    ['unclosed variable', { body: 'Hi {{1, thanks.', examples: {} }, 'body', /two braces/],
    ['variable with a space', { body: 'Hi {{first name}}, thanks.', examples: {} }, 'body', /not a variable Meta accepts/],
    ['variable with #', { body: 'Hi {{#1}}, thanks.', examples: {} }, 'body', /not a variable Meta accepts/],
    ['uppercase named variable', { body: 'Hi {{Name}}, thanks.', examples: {} }, 'body', /not a variable Meta accepts/],
    ['zero', { body: 'Hi {{0}}, thanks.', examples: {} }, 'body', /not a variable Meta accepts/],
    ['mixed formats', { body: 'Hi {{1}}, order {{order_id}} shipped.', examples: { '1': 'a', order_id: 'b' } }, 'body', /not both/],
    ['skipped number', { body: 'Hi {{1}}, order {{3}} shipped.', examples: { '1': 'a', '3': 'b' } }, 'body', /in order/],
    ['numbers out of order', { body: 'Hi {{2}}, order {{1}} shipped.', examples: { '1': 'a', '2': 'b' } }, 'body', /in order/],
    ['repeated number', { body: 'Hi {{1}}, yes {{1}} shipped.', examples: { '1': 'a' } }, 'body', /more than once/],
    ['repeated name', { body: 'Hi {{name}}, yes {{name}} it shipped.', examples: { name: 'a' } }, 'body', /more than once/],
    ['starts with a variable', { body: '{{1}}, your order has shipped.', examples: { '1': 'Jane' } }, 'body', /cannot start with a variable/],
    ['ends with a variable', { body: 'Your order has shipped to {{1}}', examples: { '1': 'Berlin' } }, 'body', /cannot end with a variable/],
    ['missing example', { examples: { '1': 'Jane' } }, 'examples.2', /Give an example for \{\{2\}\}/],
    ['blank example', { examples: { '1': 'Jane', '2': ' ' } }, 'examples.2', /Give an example/],
    ['example of an unknown variable', { examples: { '1': 'Jane', '2': '#1', '3': 'x' } }, 'examples.3', /no \{\{3\}\}/],
    ['example with braces', { examples: { '1': 'Jane', '2': '{{x}}' } }, 'examples.2', /plain text/],
    ['header over 60', { header: 'h'.repeat(61) }, 'header', /60 characters/],
    ['header with a variable', { header: 'Order {{1}}' }, 'header', /variables are only allowed in the body/],
    ['footer over 60', { footer: 'f'.repeat(61) }, 'footer', /60 characters/],
    ['four buttons', { buttons: [1, 2, 3, 4].map((i) => ({ type: 'QUICK_REPLY' as const, text: `Option ${i}` })) }, 'buttons', /at most 3 buttons/],
    ['button without label', { buttons: [{ type: 'QUICK_REPLY', text: ' ' }] }, 'buttons.0.text', /label/],
    ['button label over 25', { buttons: [{ type: 'QUICK_REPLY', text: 'x'.repeat(26) }] }, 'buttons.0.text', /25 characters/],
    [
      'duplicate labels',
      {
        buttons: [
          { type: 'QUICK_REPLY', text: 'Yes' },
          { type: 'QUICK_REPLY', text: 'yes' },
        ],
      },
      'buttons.1.text',
      /its own label/,
    ],
    ['quick reply payload over 1000', { buttons: [{ type: 'QUICK_REPLY', text: 'Yes', payload: 'p'.repeat(1001) }] }, 'buttons.0.payload', /1000/],
    ['URL not a link', { buttons: [{ type: 'URL', text: 'Track', url: 'example.com/track' }] }, 'buttons.0.url', /https:\/\//],
    ['URL ftp', { buttons: [{ type: 'URL', text: 'Track', url: 'ftp://example.com/x' }] }, 'buttons.0.url', /https:\/\//],
    [
      'URL variable in the middle',
      { buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/{{1}}/track', urlExample: '1' }] },
      'buttons.0.url',
      /at its very end/,
    ],
    [
      'URL with two variables',
      { buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/{{1}}/{{2}}', urlExample: '1' }] },
      'buttons.0.url',
      /at its very end/,
    ],
    [
      'URL variable not {{1}}',
      { buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/track/{{2}}', urlExample: '1' }] },
      'buttons.0.url',
      /End the link with \{\{1\}\}/,
    ],
    [
      'URL variable without example',
      { buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}' }] },
      'buttons.0.urlExample',
      /example of the end of the link/,
    ],
    [
      'two URL variables',
      {
        buttons: [
          { type: 'URL', text: 'Track', url: 'https://example.com/t/{{1}}', urlExample: '1' },
          { type: 'URL', text: 'Return', url: 'https://example.com/r/{{1}}', urlExample: '2' },
        ],
      },
      'buttons.1.url',
      /Only one link button/,
    ],
  ])('%s → %s', (_case, patch, field, message) => {
    const problems = problemsOf(patch);
    expect(problems).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) }]));
  });

  it('named templates end link buttons with a named variable', () => {
    const named = { body: 'Hello {{first_name}}, your parcel is on its way.', examples: { first_name: 'Aiko' } };
    expect(problemsOf({ ...named, buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/t/{{order_id}}', urlExample: 'A1' }] })).toEqual([]);
    expect(problemsOf({ ...named, buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/t/{{1}}', urlExample: 'A1' }] })).toEqual([
      { field: 'buttons.0.url', message: expect.stringMatching(/lowercase name/) },
    ]);
  });

  it('accepts fixed links, links with a query, and 3 mixed buttons', () => {
    expect(
      problemsOf({
        buttons: [
          { type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', urlExample: 'ABC' },
          { type: 'URL', text: 'Help', url: 'https://help.example.com/orders?lang=en' },
          { type: 'QUICK_REPLY', text: 'Talk to us', payload: 'TALK' },
        ],
      }),
    ).toEqual([]);
  });
});

describe('templateWarnings', () => {
  it.each<[string, string, RegExp | null]>([
    ['enough words', 'Hi {{1}}, your order {{2}} has shipped.', null],
    ['too many variables', 'Hi {{1}} {{2}} {{3}} ok.', /PARAMS_TO_WORD_RATIO_EXCEED_LIMIT/],
    ['promotional', 'Hi {{1}}, our big sale starts now, see you soon.', /TAG_SHOULD_BE_MARKETING/],
    ['percent off', 'Hi {{1}}, get 20 % off your next order today.', /TAG_SHOULD_BE_MARKETING/],
  ])('%s', (_case, body, message) => {
    const warnings = templateWarnings({ body });
    if (message) expect(warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    else expect(warnings).toEqual([]);
  });
});

describe('contentFromDraft', () => {
  it('normalises: detects the format, trims, drops empty parts, keeps the URL example only with a variable', () => {
    expect(
      contentFromDraft({
        ...valid,
        header: '  Order update ',
        footer: '',
        buttons: [
          { type: 'URL', text: ' Track ', url: 'https://example.com/track/{{1}}', urlExample: ' 42 ' },
          { type: 'URL', text: 'Help', url: 'https://example.com/help', urlExample: 'ignored' },
          { type: 'QUICK_REPLY', text: 'Stop', payload: '' },
        ],
      }),
    ).toEqual({
      parameterFormat: 'POSITIONAL',
      header: { format: 'TEXT', text: 'Order update' },
      body: valid.body,
      examples: { '1': 'Jane', '2': '#1001' },
      footer: null,
      buttons: [
        { type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', urlExample: '42' },
        { type: 'URL', text: 'Help', url: 'https://example.com/help', urlExample: null },
        { type: 'QUICK_REPLY', text: 'Stop', payload: null },
      ],
    });
    expect(contentFromDraft({ ...valid, body: 'Hello {{first_name}}, thanks.', examples: { first_name: 'Aiko' } }).parameterFormat).toBe('NAMED');
  });
});
