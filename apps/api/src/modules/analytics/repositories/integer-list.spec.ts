import { parseIntegerList } from './integer-list';

describe('parseIntegerList', () => {
  it('reads text and bytes alike, with the sum', () => {
    for (const list of ['12,0,-7,300', Buffer.from('12,0,-7,300')]) {
      const parsed = parseIntegerList(list);
      expect([...(parsed?.values ?? [])]).toEqual([12, 0, -7, 300]);
      expect(parsed?.sum).toBe(305);
    }
  });

  it('an empty or null list is no values', () => {
    for (const list of ['', null, undefined]) expect(parseIntegerList(list)).toEqual({ values: new Float64Array(0), sum: 0 });
  });

  it('is null for anything but integers between commas (a list cut short, for one)', () => {
    for (const list of ['1,,2', '1.5', '1,', '12,-', '-', '1-2', 'x']) expect(parseIntegerList(list)).toBeNull();
  });
});
