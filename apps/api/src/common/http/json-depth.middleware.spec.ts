import { jsonDepth } from './json-depth.middleware';

describe('jsonDepth', () => {
  it('measures objects and arrays, scalars are depth 0', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth(null)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [{ b: 1 }] })).toBe(3);
  });

  it('survives a body nested 100 000 levels deep and stops early at the limit', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(jsonDepth(deep, 32)).toBe(33);
    expect(jsonDepth(deep)).toBe(100_000);
  });
});
