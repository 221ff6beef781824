import { TemplateContent } from '@ticklegram/domain-models';
import { fromLibraryItem, fromMetaTemplate, toMetaComponents, toSendComponents } from './template-components';

const card: TemplateContent = {
  parameterFormat: 'POSITIONAL',
  header: { format: 'TEXT', text: 'Delivery update' },
  body: 'Hi {{1}}, your order {{2}} arrives on {{3}}.',
  examples: { '1': 'Jane', '2': '#1001', '3': 'Friday' },
  footer: 'Example Store',
  buttons: [
    { type: 'QUICK_REPLY', text: 'Talk to us', payload: 'TALK' },
    { type: 'URL', text: 'Track order', url: 'https://example.com/track/{{1}}', urlExample: '1001' },
  ],
};

describe('template components', () => {
  it("writes Meta's components: header, body with examples, footer, POSTBACK and URL buttons", () => {
    expect(toMetaComponents(card)).toEqual([
      { type: 'HEADER', format: 'TEXT', text: 'Delivery update' },
      { type: 'BODY', text: card.body, example: { body_text: [['Jane', '#1001', 'Friday']] } },
      { type: 'FOOTER', text: 'Example Store' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'POSTBACK', text: 'Talk to us', payload: 'TALK' },
          { type: 'URL', text: 'Track order', url: 'https://example.com/track/{{1}}', example: { url_suffix_example: '1001' } },
        ],
      },
    ]);
    const named: TemplateContent = {
      ...card,
      parameterFormat: 'NAMED',
      header: null,
      footer: null,
      buttons: [],
      body: 'Hello {{first_name}}, see you soon.',
      examples: { first_name: 'Aiko' },
    };
    expect(toMetaComponents(named)).toEqual([
      { type: 'BODY', text: named.body, example: { body_text_named_params: [{ param_name: 'first_name', example: 'Aiko' }] } },
    ]);
  });

  it('reads a template back (full example URL → suffix) and round-trips our content', () => {
    const parsed = fromMetaTemplate({
      id: '42',
      name: 'delivery_update_card',
      language: 'en_US',
      status: 'APPROVED',
      rejected_reason: 'NONE',
      components: toMetaComponents(card).map((c) =>
        c.type === 'BUTTONS' ? { ...c, buttons: c.buttons.map((b) => (b.type === 'URL' ? { ...b, example: ['https://example.com/track/1001'] } : b)) } : c,
      ),
    });
    expect(parsed).toEqual({ externalId: '42', name: 'delivery_update_card', language: 'en_US', status: 'APPROVED', reasonCode: 'NONE', content: card });
    expect(fromMetaTemplate({ id: '1', name: 'x', language: 'en_US', status: 'SOMETHING', components: [] })).toBeNull();
  });

  it('sends body parameters in order (named: with parameter_name) and button parameters up to the link', () => {
    expect(toSendComponents(card, { '1': 'Aiko', '2': '#7', '3': 'Monday' }, '7')).toEqual([
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Aiko' },
          { type: 'text', text: '#7' },
          { type: 'text', text: 'Monday' },
        ],
      },
      {
        type: 'buttons',
        parameters: [
          { type: 'POSTBACK', payload: 'TALK' },
          { type: 'URL', url: '7' },
        ],
      },
    ]);
    const named: TemplateContent = { ...card, parameterFormat: 'NAMED', buttons: [], body: 'Hello {{first_name}}, table for {{party_size}}.' };
    expect(toSendComponents(named, { first_name: 'Aiko', party_size: '2' }, null)).toEqual([
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Aiko', parameter_name: 'first_name' },
          { type: 'text', text: '2', parameter_name: 'party_size' },
        ],
      },
    ]);
  });

  it("reads Meta's library items", () => {
    expect(
      fromLibraryItem({
        name: 'shipping_update',
        language: 'en_US',
        topic: 'ORDER_MANAGEMENT',
        usecase: 'SHIPPING_UPDATE',
        header: 'On its way',
        body: 'Hi {{1}}, order {{2}} shipped.',
        body_params: ['Jane', '#1'],
        buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/t/{{1}}' }],
      }),
    ).toEqual({
      name: 'shipping_update',
      language: 'en_US',
      topic: 'ORDER_MANAGEMENT',
      usecase: 'SHIPPING_UPDATE',
      content: {
        parameterFormat: 'POSITIONAL',
        header: { format: 'TEXT', text: 'On its way' },
        body: 'Hi {{1}}, order {{2}} shipped.',
        examples: { '1': 'Jane', '2': '#1' },
        footer: null,
        buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/t/{{1}}', urlExample: null }],
      },
    });
    expect(fromLibraryItem({ name: 'x' })).toBeNull();
  });
});
