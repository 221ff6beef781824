import type { SimTemplateComponent } from '../state/model';
import { str } from '../http/request';

/**
 * Meta's pre-approved utility template library (a simulated subset): `GET /message_template_library`,
 * cloned with `POST /{page-id}/message_templates {library_template_name, library_template_body_inputs?,
 * library_template_button_inputs?}`. Clones are approved after the review delay (reference §11).
 */

interface LibraryTemplate {
  id: string;
  name: string;
  language: string;
  category: 'UTILITY';
  topic: string;
  usecase: string;
  header?: string;
  body: string;
  body_params: string[];
  buttons?: Array<{ type: 'URL' | 'POSTBACK'; text: string; url?: string; payload?: string }>;
}

export const TEMPLATE_LIBRARY: LibraryTemplate[] = [
  {
    id: '7000000000000001',
    name: 'order_confirmation',
    language: 'en_US',
    category: 'UTILITY',
    topic: 'ORDER_MANAGEMENT',
    usecase: 'ORDER_CONFIRMATION',
    body: 'Hi {{1}}, thank you for your order! Your order number is {{2}}.',
    body_params: ['Jane', '#1001'],
  },
  {
    id: '7000000000000002',
    name: 'shipping_update',
    language: 'en_US',
    category: 'UTILITY',
    topic: 'ORDER_MANAGEMENT',
    usecase: 'SHIPPING_UPDATE',
    header: 'Your order is on its way',
    body: 'Good news {{1}}! Your order {{2}} has shipped and should arrive on {{3}}.',
    body_params: ['Jane', '#1001', 'Friday'],
    buttons: [{ type: 'URL', text: 'Track order', url: 'https://example.com/track/{{1}}' }],
  },
  {
    id: '7000000000000003',
    name: 'appointment_confirmation',
    language: 'en_US',
    category: 'UTILITY',
    topic: 'APPOINTMENTS',
    usecase: 'APPOINTMENT_CONFIRMATION',
    body: 'Hi {{1}}, your appointment on {{2}} is confirmed.',
    body_params: ['Jane', 'Monday 10:00'],
    buttons: [{ type: 'POSTBACK', text: 'Reschedule', payload: 'RESCHEDULE' }],
  },
  {
    id: '7000000000000004',
    name: 'order_confirmation',
    language: 'de_DE',
    category: 'UTILITY',
    topic: 'ORDER_MANAGEMENT',
    usecase: 'ORDER_CONFIRMATION',
    body: 'Hallo {{1}}, danke für deine Bestellung! Deine Bestellnummer ist {{2}}.',
    body_params: ['Jana', '#1001'],
  },
  {
    id: '7000000000000005',
    name: 'payment_reminder',
    language: 'en_US',
    category: 'UTILITY',
    topic: 'PAYMENTS',
    usecase: 'PAYMENT_REMINDER',
    body: 'Hi {{1}}, a friendly reminder that invoice {{2}} is due on {{3}}.',
    body_params: ['Jane', 'INV-7', '1 March'],
  },
  {
    id: '7000000000000006',
    name: 'return_received',
    language: 'en_US',
    category: 'UTILITY',
    topic: 'ORDER_MANAGEMENT',
    usecase: 'RETURN_UPDATE',
    header: 'Return received',
    body: 'Hi {{1}}, we received your return {{2}}. Your refund of {{3}} is on its way.',
    body_params: ['Jane', 'R-1001', '49.90 EUR'],
  },
  {
    id: '7000000000000007',
    name: 'order_confirmation',
    language: 'es_ES',
    category: 'UTILITY',
    topic: 'ORDER_MANAGEMENT',
    usecase: 'ORDER_CONFIRMATION',
    body: 'Hola {{1}}, ¡gracias por tu pedido! Tu número de pedido es {{2}}.',
    body_params: ['Lucía', '#1001'],
  },
];

/** `GET /message_template_library?name_or_content=&language=` */
export function libraryTemplates(params: Record<string, unknown>): Array<Record<string, unknown>> {
  const q = str(params['name_or_content'])?.toLowerCase();
  const language = str(params['language']);
  return TEMPLATE_LIBRARY.filter((t) => (!q || t.name.includes(q) || t.body.toLowerCase().includes(q)) && (!language || t.language === language)).map((t) => ({
    ...t,
  }));
}

/** The components a clone gets; `library_template_button_inputs` may replace button URLs / payloads. */
export function libraryComponents(base: LibraryTemplate, buttonInputs: unknown): SimTemplateComponent[] {
  const components: SimTemplateComponent[] = [];
  if (base.header) components.push({ type: 'HEADER', format: 'TEXT', text: base.header });
  components.push({ type: 'BODY', text: base.body, example: { body_text: [base.body_params] } });
  if (base.buttons?.length) {
    const inputs = Array.isArray(buttonInputs) ? buttonInputs : [];
    components.push({
      type: 'BUTTONS',
      buttons: base.buttons.map((b, i) => {
        const input = inputs[i] && typeof inputs[i] === 'object' ? (inputs[i] as Record<string, unknown>) : {};
        const url = str((input['url'] as Record<string, unknown> | undefined)?.['base_url']) ?? str(input['url']) ?? b.url;
        return { ...b, ...(url ? { url } : {}), ...(str(input['payload']) ? { payload: str(input['payload']) } : {}) };
      }),
    });
  }
  return components;
}
