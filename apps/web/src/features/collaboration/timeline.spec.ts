import type { MessageDto, NoteDto } from '@ticklegram/domain-models';
import { placeNotes } from './timeline';

const message = (id: string, sentAt: string) => ({ id, sentAt }) as MessageDto;
const note = (id: string, createdAt: string) => ({ id, createdAt }) as NoteDto;

describe('placeNotes', () => {
  const messages = [message('m1', '2026-01-01T10:00:00Z'), message('m2', '2026-01-01T11:00:00Z')];

  it('puts notes before the next later message, and the newest after the last', () => {
    const placed = placeNotes(messages, [note('n2', '2026-01-01T12:00:00Z'), note('n1', '2026-01-01T10:30:00Z'), note('n0', '2026-01-01T09:00:00Z')], true);
    expect(placed.before.get('m1')?.map((n) => n.id)).toEqual(['n0']);
    expect(placed.before.get('m2')?.map((n) => n.id)).toEqual(['n1']);
    expect(placed.after.map((n) => n.id)).toEqual(['n2']);
  });

  it('holds back notes older than the loaded page while earlier messages are not loaded', () => {
    const placed = placeNotes(messages, [note('n0', '2026-01-01T09:00:00Z')], false);
    expect(placed.before.size).toBe(0);
    expect(placed.after).toEqual([]);
  });
});
