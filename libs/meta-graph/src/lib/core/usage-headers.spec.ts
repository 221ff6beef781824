import { parseUsageHeaders, peakPercent, regainAccessMs } from './usage-headers';

describe('usage headers', () => {
  it('parses X-App-Usage and X-Business-Use-Case-Usage', () => {
    const usage = parseUsageHeaders({
      'x-app-usage': '{"call_count":12,"total_cputime":95,"total_time":40}',
      'x-business-use-case-usage': JSON.stringify({
        '1122': [{ type: 'messenger', call_count: 97, total_cputime: 10, total_time: 5, estimated_time_to_regain_access: 3 }],
        '3344': [{ type: 'instagram', call_count: 1, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 0 }],
      }),
    });
    expect(peakPercent(usage.app)).toBe(95);
    expect(usage.businessUseCase?.['1122']?.[0]?.type).toBe('messenger');
    expect(regainAccessMs(usage, '1122')).toBe(180_000);
    expect(regainAccessMs(usage, '3344')).toBeUndefined();
    expect(regainAccessMs(usage)).toBe(180_000);
  });

  it('ignores malformed headers', () => {
    expect(parseUsageHeaders({ 'x-app-usage': 'not json', 'x-business-use-case-usage': '[1,2]' })).toEqual({});
  });
});
