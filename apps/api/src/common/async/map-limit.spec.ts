import { mapLimit } from './map-limit';

describe('mapLimit', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const delays = [30, 5, 20, 1, 10, 15, 2, 8, 25, 3];
    const results = await mapLimit(delays, 3, async (ms, i) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running -= 1;
      return i * 2;
    });
    expect(results).toEqual(delays.map((_, i) => i * 2));
    expect(peak).toBe(3);
  });

  it('answers an empty list without calling work', async () => {
    const work = jest.fn();
    await expect(mapLimit([], 8, work)).resolves.toEqual([]);
    expect(work).not.toHaveBeenCalled();
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapLimit([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('two failed');
        return n;
      }),
    ).rejects.toThrow('two failed');
  });
});
