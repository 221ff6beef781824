import type { SimAttachment, SimConversation, SimMessage } from '../state/model';
import type { SimStore } from '../state/store';
import { PAGE_INBOX_APP_ID } from '../messenger/thread-control';
import { SIM_SEED } from './seed-data';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `c` = customer, `b` = the business through our app, `h` = a human in Meta's inbox, `img` = the customer sends a photo. */
type Line = ['c' | 'b' | 'h', string] | ['img', string];
/** Sessions: days before the conversation's seeded opener, then the exchange. */
type Script = Array<[daysBefore: number, lines: Line[]]>;

const SCRIPTS: Record<string, Script> = {
  // Messenger
  [SIM_SEED.messengerCustomers[0].psid]: [
    [
      34,
      [
        ['c', 'Hi! Do you have the Nordic parka in navy?'],
        ['b', 'Hi Jane! Yes, in S, M and L.'],
        ['c', 'Great, ordering an M now'],
        ['b', 'Lovely, thank you! 🙌'],
      ],
    ],
    [
      27,
      [
        ['c', "My order #1001 says delivered but I can't find it"],
        ['b', 'Sorry about that! Let me check with the courier.'],
        ['b', 'It was left with your neighbour at no. 12.'],
        ['c', 'Found it, thanks!'],
      ],
    ],
    [
      12,
      [
        ['img', 'Is this stain washable?'],
        ['h', 'Yes — 30 °C with the care detergent, no tumble dryer.'],
        ['c', 'Perfect 👍'],
      ],
    ],
  ],
  [SIM_SEED.messengerCustomers[1].psid]: [
    [
      40,
      [
        ['c', 'Hallo, habt ihr die Regenhose auch in XL?'],
        ['b', 'Hallo Max! XL kommt nächste Woche wieder rein.'],
      ],
    ],
    [
      31,
      [
        ['c', 'Ist die XL jetzt da?'],
        ['b', 'Ja! Soll ich dir eine reservieren?'],
        ['c', 'Ja bitte'],
        ['b', 'Erledigt, bis Freitag reserviert.'],
      ],
    ],
    [
      9,
      [
        ['c', 'Bestellung #1044 ist raus?'],
        ['b', 'Ja, heute verschickt. Tracking kommt per Mail.'],
      ],
    ],
    [
      2,
      [
        ['c', 'Das Tracking zeigt seit 2 Tagen nichts an'],
        ['b', 'Wir haken beim Versand nach und melden uns.'],
      ],
    ],
  ],
  [SIM_SEED.messengerCustomers[2].psid]: [
    [
      28,
      [
        ['c', 'Hello, how long does shipping to Osaka take?'],
        ['b', 'Hi Aiko! Usually 7–10 days with tracking.'],
        ['c', 'And customs fees?'],
        ['b', 'Duties are paid on delivery in Japan, about 10 %.'],
      ],
    ],
    [
      14,
      [
        ['c', 'I ordered the yellow raincoat (#1032)'],
        ['b', 'Thank you! It ships tomorrow.'],
      ],
    ],
  ],
  [SIM_SEED.messengerCustomers[3].psid]: [
    [
      21,
      [
        ['c', '¡Hola! ¿Hacéis envíos a Valencia?'],
        ['b', '¡Hola Lucía! Sí, en 3–5 días laborables.'],
      ],
    ],
    [
      6,
      [
        ['c', '¿La chaqueta azul es impermeable?'],
        ['b', 'Sí, totalmente impermeable (10.000 mm).'],
        ['c', 'Genial, gracias'],
      ],
    ],
  ],
  // Instagram (linked to the Page)
  [SIM_SEED.instagramCustomers[0].igsid]: [
    [
      25,
      [
        ['c', 'Love the new drop! Is the sale still on?'],
        ['b', 'Hi Jane! Until Sunday 🙌'],
        ['c', 'Yay'],
      ],
    ],
    [
      8,
      [
        ['img', 'Does this come in green?'],
        ['b', 'Not yet — green arrives in May!'],
      ],
    ],
  ],
  [SIM_SEED.instagramCustomers[1].igsid]: [
    [
      18,
      [
        ['c', "what's the song in your last reel??"],
        ['b', 'It\'s "Rain" by Example Band 🎵'],
      ],
    ],
  ],
  [SIM_SEED.instagramCustomers[2].igsid]: [
    [
      37,
      [
        ['c', 'Hey, do you ship to Switzerland?'],
        ['b', 'Hi Kai! Yes, 4–6 days.'],
      ],
    ],
    [
      22,
      [
        ['c', 'Can I return something I bought in the store online?'],
        ['b', 'Yes, within 30 days with the receipt.'],
        ['c', 'Cool, thx'],
      ],
    ],
  ],
  [SIM_SEED.instagramCustomers[3].igsid]: [
    [
      16,
      [
        ['c', "Hi! I'm a designer in Vienna, open to a collab?"],
        ['h', "Hi Sofia! Send us your portfolio, we'd love to see it."],
        ['c', 'Sent by email 💌'],
      ],
    ],
  ],
  // Instagram Login account
  [SIM_SEED.instagramLoginCustomers[0].igsid]: [
    [
      20,
      [
        ['c', 'Do you have beginner classes?'],
        ['b', 'Yes! Tuesdays and Thursdays at 7 pm.'],
      ],
    ],
    [
      5,
      [
        ['c', 'Can I bring a friend on Thursday?'],
        ['b', 'Of course, first class is free for them.'],
      ],
    ],
  ],
  [SIM_SEED.instagramLoginCustomers[1].igsid]: [
    [
      30,
      [
        ['c', 'Is the Sunday flow class still on?'],
        ['b', 'Yes, 10 am as usual 🧘'],
      ],
    ],
  ],
};

function message(store: SimStore, conv: SimConversation, direction: 'inbound' | 'outbound', at: number, fields: Partial<SimMessage>): SimMessage {
  const customerId = conv.customerId;
  return {
    mid: store.newHistoryMid(conv.platform),
    conversationId: conv.id,
    direction,
    createdAt: at,
    attachments: [],
    isDeleted: false,
    numEdit: 0,
    reactions: {},
    senderId: direction === 'inbound' ? customerId : conv.accountId,
    recipientId: direction === 'inbound' ? conv.accountId : customerId,
    ...fields,
  };
}

/**
 * Weeks of earlier conversation with Jane, Max, Aiko, Lucía, Kai and the rest — only reachable through
 * the Conversations API (a history import), never sent as webhooks. Every line is older than the
 * seeded opener, so the messaging windows and the last-message times stay what the seed says.
 */
export function seedHistory(store: SimStore): void {
  const appId = store.settings.appId;
  for (const [customerId, script] of Object.entries(SCRIPTS)) {
    const customer = store.customers.get(customerId);
    if (!customer) continue;
    const conv = store.conversationOf(customer);
    const opener = store.conversationMessages(conv)[0]?.createdAt;
    if (opener === undefined) continue;
    for (const [daysBefore, lines] of script) {
      let at = opener - daysBefore * DAY - 2 * HOUR;
      for (const line of lines) {
        at += 3 * 60_000 + (line[1].length % 7) * 60_000;
        const [kind, text] = line;
        if (kind === 'img') {
          const photo: SimAttachment = { type: 'image', url: `${store.settings.publicUrl}/cdn/samples/photo-2.png` };
          store.addMessage(message(store, conv, 'inbound', at, { attachments: [photo] }));
          at += 30_000;
          store.addMessage(message(store, conv, 'inbound', at, { text }));
          continue;
        }
        const inbound = kind === 'c';
        const sent = message(store, conv, inbound ? 'inbound' : 'outbound', at, {
          text,
          ...(inbound ? {} : { appId: kind === 'h' ? PAGE_INBOX_APP_ID : appId, messagingType: 'RESPONSE', deliveredAt: at, readAt: at + 5 * 60_000 }),
        });
        store.addMessage(sent);
      }
    }
  }
}
