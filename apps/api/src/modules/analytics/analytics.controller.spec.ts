import { Role } from '@ticklegram/domain-models';
import { ContractApp, fieldsOf, mockProvider, startContractApp } from '../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../test/contract/route-matrix';
import { AuditService } from '../audit/audit.service';
import { AnalyticsProjector } from './analytics-projector.service';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';

const RANGE = 'from=2026-03-01&to=2026-03-31';

describe('AnalyticsController (contract)', () => {
  let api: ContractApp;
  const overview = {
    range: { from: '2026-03-01', to: '2026-03-31' },
    summary: {},
    team: {},
    volume: [],
    agents: [],
    channels: [],
    frtDistribution: [],
    heatmap: [],
    live: {},
  };
  const service = mockProvider(AnalyticsService, { overview, settings: { businessHours: null }, saveSettings: { businessHours: null } });
  const projector = mockProvider(AnalyticsProjector, { rebuild: 0 });
  const audit = mockProvider(AuditService, { record: undefined });

  beforeAll(async () => {
    api = await startContractApp({ controllers: [AnalyticsController], providers: [service, projector, audit] });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  it('everyone reads the figures; only admins change settings and rebuild', async () => {
    expect(
      await roleMatrixViolations(api, [
        { method: 'get', path: `/api/analytics/overview?${RANGE}`, roles: [Role.ADMIN, Role.AGENT] },
        { method: 'get', path: `/api/analytics/agents?${RANGE}`, roles: [Role.ADMIN, Role.AGENT] },
        { method: 'get', path: '/api/analytics/settings', roles: [Role.ADMIN] },
        { method: 'put', path: '/api/analytics/settings', roles: [Role.ADMIN], body: { businessHours: null } },
        { method: 'post', path: '/api/analytics/rebuild', roles: [Role.ADMIN] },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['no range', '', ['from', 'to']],
    ['an impossible date', 'from=2026-02-30&to=2026-03-01', ['from']],
    ['an unknown time zone', `${RANGE}&tz=Mars/Base`, ['tz']],
    ['a channel that is not an id', `${RANGE}&channelId=ig`, ['channelId']],
    ['an unknown platform', `${RANGE}&platform=TIKTOK`, ['platform']],
    ['businessHours that is not a boolean', `${RANGE}&businessHours=yes`, ['businessHours']],
    ['an unknown format', `${RANGE}&format=xlsx`, ['format']],
    ['an unknown parameter', `${RANGE}&sort=asc`, ['sort']],
  ])('GET /api/analytics/overview refuses %s', async (_label, qs, fields) => {
    const res = await api.as(Role.ADMIN).get(`/api/analytics/overview?${qs}`);
    expect([res.status, res.body.code, fieldsOf(res.body)]).toEqual([400, 'VALIDATION_FAILED', fields]);
    expect(service.useValue['overview']).not.toHaveBeenCalled();
  });

  it.each([
    ['weekdays outside 1–7', { timeZone: 'UTC', weekdays: [0, 8], start: '09:00', end: '17:00' }, ['businessHours.weekdays']],
    ['a start that is not HH:MM', { timeZone: 'UTC', weekdays: [1], start: '9am', end: '17:00' }, ['businessHours.start']],
    ['an unknown time zone', { timeZone: 'Nowhere', weekdays: [1], start: '09:00', end: '17:00' }, ['businessHours.timeZone']],
  ])('PUT /api/analytics/settings refuses %s', async (_label, businessHours, fields) => {
    const res = await api.as(Role.ADMIN).put('/api/analytics/settings').send({ businessHours });
    expect([res.status, fieldsOf(res.body)]).toEqual([400, fields]);
    expect(service.useValue['saveSettings']).not.toHaveBeenCalled();
  });

  it('an unknown table is a 400, a CSV is text/csv', async () => {
    expect((await api.as(Role.ADMIN).get(`/api/analytics/everything?${RANGE}`)).status).toBe(400);
    const csv = await api.as(Role.AGENT).get(`/api/analytics/frt-distribution?${RANGE}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('bucket,count');
  });
});
