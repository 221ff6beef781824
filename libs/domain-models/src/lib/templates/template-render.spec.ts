import type { TemplateContent } from '../api/templates';
import { renderTemplate, renderTemplateExample, resolveTemplateParameters } from './template-render';

const positional: TemplateContent = {
  parameterFormat: 'POSITIONAL',
  header: { format: 'TEXT', text: 'Your order' },
  body: 'Hi {{1}}, order {{2}} has shipped.',
  examples: { '1': 'Jane', '2': '#1001' },
  footer: 'Reply STOP to opt out',
  buttons: [
    { type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', urlExample: 'ABC' },
    { type: 'QUICK_REPLY', text: 'Talk to us', payload: 'TALK' },
  ],
};
const named: TemplateContent = {
  parameterFormat: 'NAMED',
  header: null,
  body: 'Hello {{first_name}}, table for {{party_size}} at 8.',
  examples: { first_name: 'Aiko', party_size: '2' },
  footer: null,
  buttons: [],
};

describe('renderTemplate', () => {
  it('fills values, leaves missing ones visible and lists them', () => {
    expect(renderTemplate(positional, { '1': 'Aiko' }, 'XYZ')).toEqual({
      header: 'Your order',
      headerImage: false,
      body: 'Hi Aiko, order {{2}} has shipped.',
      footer: 'Reply STOP to opt out',
      buttons: [
        { type: 'URL', text: 'Track', url: 'https://example.com/track/XYZ' },
        { type: 'QUICK_REPLY', text: 'Talk to us', url: null },
      ],
      missing: ['2'],
    });
  });

  it('previews with the examples Meta reviews', () => {
    const preview = renderTemplateExample(positional);
    expect(preview.body).toBe('Hi Jane, order #1001 has shipped.');
    expect(preview.buttons[0]?.url).toBe('https://example.com/track/ABC');
  });
});

describe('resolveTemplateParameters', () => {
  it.each<[string, TemplateContent, Parameters<typeof resolveTemplateParameters>[1], string | undefined, string | RegExp]>([
    ['positional values in order', positional, ['Aiko', '#77'], 'A7', 'Hi Aiko, order #77 has shipped.'],
    ['values are trimmed', positional, ['  Aiko ', '#77'], 'A7', 'Hi Aiko, order #77 has shipped.'],
    ['named values by name', named, { first_name: 'Aiko', party_size: '4' }, undefined, 'Hello Aiko, table for 4 at 8.'],
    ['object for a positional template', positional, { '1': 'Aiko', '2': '#77' }, 'A7', /in order, as a list/],
    ['array for a named template', named, ['Aiko', '4'], undefined, /as an object/],
    ['too few values', positional, ['Aiko'], 'A7', /2 variables: send 2 values \(got 1\)/],
    ['too many values', positional, ['Aiko', '#77', 'x'], 'A7', /send 2 values \(got 3\)/],
    ['an empty value', positional, ['Aiko', ' '], 'A7', /Fill in \{\{2\}\}/],
    ['a missing named value', named, { first_name: 'Aiko' }, undefined, /Fill in \{\{party_size\}\}/],
    ['an unknown named value', named, { first_name: 'Aiko', party_size: '4', table: '9' }, undefined, /no \{\{table\}\}/],
    ['no URL suffix where the link needs one', positional, ['Aiko', '#77'], undefined, /end of the button’s link/],
    ['a URL suffix with spaces', positional, ['Aiko', '#77'], 'A 7', /cannot contain spaces/],
    ['a URL suffix where none is taken', named, { first_name: 'Aiko', party_size: '4' }, 'A7', /no link that takes a value/],
    ['a value making the text too long', named, { first_name: 'x'.repeat(999), party_size: 'y'.repeat(999) }, undefined, /Messenger allows 2000/],
    ['a value over 1000 characters', named, { first_name: 'x'.repeat(1001), party_size: '4' }, undefined, /1000 characters/],
  ])('%s', (_case, content, parameters, suffix, expected) => {
    const result = resolveTemplateParameters(content, parameters, suffix);
    if (typeof expected === 'string') {
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.rendered.body).toBe(expected);
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
    }
  });

  it('a template without variables takes no values', () => {
    const plain: TemplateContent = { ...named, body: 'Your appointment is confirmed.', examples: {}, parameterFormat: 'POSITIONAL' };
    expect(resolveTemplateParameters(plain, undefined).ok).toBe(true);
    expect(resolveTemplateParameters(plain, []).ok).toBe(true);
    expect(resolveTemplateParameters(plain, ['x']).ok).toBe(false);
  });
});
