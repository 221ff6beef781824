import { GraphPage, collect, nextPageParams, paginate } from './pagination';

describe('pagination', () => {
  it('follows paging.cursors.after while paging.next exists', async () => {
    const pages: Record<string, GraphPage<number>> = {
      '': { data: [1, 2], paging: { cursors: { after: 'A' }, next: 'https://graph.facebook.com/v24.0/x?after=A&access_token=secret' } },
      A: { data: [3], paging: { cursors: { after: 'B' }, next: 'https://graph.facebook.com/v24.0/x?after=B' } },
      B: { data: [4], paging: { cursors: { before: 'A', after: 'C' } } },
    };
    const calls: Record<string, string>[] = [];
    const items = await collect(
      paginate<number>(async (c) => {
        calls.push(c);
        return pages[c['after'] ?? ''] as GraphPage<number>;
      }),
    );
    expect(items).toEqual([1, 2, 3, 4]);
    expect(calls).toEqual([{}, { after: 'A' }, { after: 'B' }]);
  });

  it('reuses time-based continuation params from paging.next without the token', () => {
    expect(nextPageParams({ next: 'https://graph.facebook.com/v24.0/1/insights?until=1700&since=1600&access_token=t&appsecret_proof=p' })).toEqual({
      until: '1700',
      since: '1600',
    });
    expect(nextPageParams({ cursors: { after: 'X' } })).toBeUndefined();
    expect(nextPageParams(undefined)).toBeUndefined();
  });

  it('stops on a repeating cursor and honours maxPages', async () => {
    const loop = (): Promise<GraphPage<string>> => Promise.resolve({ data: ['x'], paging: { cursors: { after: 'same' }, next: 'n' } });
    expect(await collect(paginate(loop))).toEqual(['x', 'x']);
    expect(await collect(paginate(loop, { maxPages: 1 }))).toEqual(['x']);
  });
});
