import { Role } from '@ticklegram/domain-models';
import { ANY_ID, ContractApp, fieldsOf, mockProvider, startContractApp } from '../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../test/contract/route-matrix';
import { AttributionService } from './attribution.service';
import { CapiEventsService } from './capi-events.service';
import { CapiSettingsService } from './capi-settings.service';
import { AttributionController, CapiController } from './capi.controller';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';

const REPORT = {
  from: '2026-12-01',
  to: '2026-12-03',
  tz: 'UTC',
  rows: [
    {
      adId: '1',
      adTitle: '=HYPERLINK("x")',
      campaignId: '7',
      adsetId: null,
      campaignName: 'Spring, 2026',
      adsetName: null,
      channelId: 'c',
      platform: 'FACEBOOK',
      conversationsStarted: 2,
      responded: 1,
      firstResponseMedianSeconds: 60,
      firstResponseMeanSeconds: 60,
      outcomes: { Purchase: 1 },
      value: { EUR: 49.9 },
      eventsAccepted: 1,
    },
  ],
  series: [],
};

describe('Conversions API controllers (contract)', () => {
  let api: ContractApp;
  const outcomes = mockProvider(OutcomesService, { list: [], record: {} });
  const settings = mockProvider(CapiSettingsService, { list: [], update: {}, connectDataset: {} });
  const events = mockProvider(CapiEventsService, { list: { items: [], nextCursor: null }, resend: {} });
  const attribution = mockProvider(AttributionService, { report: REPORT });

  beforeAll(async () => {
    api = await startContractApp({
      controllers: [OutcomesController, CapiController, AttributionController],
      providers: [outcomes, settings, events, attribution],
    });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  it('agents record and read outcomes and attribution; settings, the log and resend are for admins', async () => {
    expect(
      await roleMatrixViolations(api, [
        { method: 'get', path: `/api/conversations/${ANY_ID}/outcomes`, roles: [Role.ADMIN, Role.AGENT] },
        { method: 'post', path: `/api/conversations/${ANY_ID}/outcomes`, roles: [Role.ADMIN, Role.AGENT], body: { type: 'lead' } },
        { method: 'get', path: '/api/attribution', roles: [Role.ADMIN, Role.AGENT] },
        { method: 'get', path: '/api/capi/settings', roles: [Role.ADMIN] },
        { method: 'patch', path: `/api/capi/settings/${ANY_ID}`, roles: [Role.ADMIN], body: { testEventCode: 'TEST1' } },
        { method: 'post', path: `/api/capi/settings/${ANY_ID}/dataset`, roles: [Role.ADMIN] },
        { method: 'get', path: '/api/capi/events', roles: [Role.ADMIN] },
        { method: 'post', path: `/api/capi/events/${ANY_ID}/resend`, roles: [Role.ADMIN] },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['a type that is not a Meta event', { type: 'PageView' }, ['type']],
    ['a value that is not a number', { type: 'Purchase', value: '49.90', currency: 'EUR' }, ['value']],
    ['a lower-case currency', { type: 'Purchase', value: 1, currency: 'eur' }, ['currency']],
    ['a phone without digits', { type: 'lead', phone: 'call me' }, ['phone']],
    ['an unknown field', { type: 'lead', note: 'x' }, ['note']],
  ])('POST …/outcomes refuses %s', async (_label, body, fields) => {
    const res = await api.as(Role.AGENT).post(`/api/conversations/${ANY_ID}/outcomes`).send(body);
    expect([res.status, res.body.code, fieldsOf(res.body)]).toEqual([400, 'VALIDATION_FAILED', fields]);
    expect(outcomes.useValue['record']).not.toHaveBeenCalled();
  });

  it('refuses a bad conversation id and bad log filters', async () => {
    expect((await api.as(Role.AGENT).post('/api/conversations/not-a-uuid/outcomes').send({ type: 'lead' })).status).toBe(400);
    const res = await api.as(Role.ADMIN).get('/api/capi/events?status=done&limit=1000');
    expect([res.status, fieldsOf(res.body)]).toEqual([400, ['limit', 'status']]);
  });

  it('attribution answers JSON, or CSV as text/csv with formula-looking cells neutralised', async () => {
    const json = await api.as(Role.AGENT).get('/api/attribution?from=2026-12-01&to=2026-12-03&tz=Europe/Vienna').expect(200);
    expect(json.body).toEqual(REPORT);
    const csv = await api.as(Role.AGENT).get('/api/attribution?format=csv').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attribution-2026-12-01-2026-12-03.csv');
    expect(csv.text.split('\r\n')[1]).toBe(`1,"'=HYPERLINK(""x"")",7,"Spring, 2026",,,FACEBOOK,2,1,60,60,0,0,1,0,49.90 EUR,1`);
    const bad = await api.as(Role.AGENT).get('/api/attribution?from=yesterday&format=pdf');
    expect([bad.status, fieldsOf(bad.body)]).toEqual([400, ['format', 'from']]);
  });
});
