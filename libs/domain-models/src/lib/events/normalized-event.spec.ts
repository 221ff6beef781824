import { CONVERSATION_EVENT_TYPES, NORMALIZED_EVENT_TYPES, type NormalizedEventType } from './normalized-event';

type Missing = Exclude<NormalizedEventType, (typeof NORMALIZED_EVENT_TYPES)[number]>;
// Fails to compile when a new event joins the union without being listed.
const everyTypeListed: [Missing] extends [never] ? true : Missing = true;

describe('NormalizedEvent type lists', () => {
  it('lists every type exactly once', () => {
    expect(everyTypeListed).toBe(true);
    expect(new Set(NORMALIZED_EVENT_TYPES).size).toBe(NORMALIZED_EVENT_TYPES.length);
  });

  it('conversation types are a subset and exclude comments, feed and unsupported', () => {
    const all = new Set<string>(NORMALIZED_EVENT_TYPES);
    for (const t of CONVERSATION_EVENT_TYPES) expect(all.has(t)).toBe(true);
    expect(CONVERSATION_EVENT_TYPES).not.toContain('ig_comment');
    expect(CONVERSATION_EVENT_TYPES).not.toContain('unsupported');
  });
});
