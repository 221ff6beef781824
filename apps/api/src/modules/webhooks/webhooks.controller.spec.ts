import { Role } from '@ticklegram/domain-models';
import { ContractApp, fieldsOf, mockProvider, startContractApp } from '../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../test/contract/route-matrix';
import { WebhookEventsController } from './webhook-events.controller';
import { WebhookEventsService } from './webhook-events.service';
import { WebhookReceiver } from './webhook-receiver.service';
import { WebhooksController } from './webhooks.controller';

describe('webhooks controllers (contract)', () => {
  let api: ContractApp;
  const events = mockProvider(WebhookEventsService, { list: { items: [], nextCursor: null, counts: {} }, get: {}, replay: {} });
  const receiver = mockProvider(WebhookReceiver, { verifyChallenge: '1158201444' });

  beforeAll(async () => {
    api = await startContractApp({ controllers: [WebhooksController, WebhookEventsController], providers: [events, receiver] });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  // the contract app prefixes every route with /api; the real app serves Meta's callbacks at /webhooks/* (route-guards.int-spec.ts)
  it("Meta's callbacks are public (the signature authenticates them); the deliveries log is admin-only", async () => {
    expect(
      await roleMatrixViolations(api, [
        { method: 'get', path: '/api/webhooks/facebook?hub.mode=subscribe&hub.verify_token=t&hub.challenge=1', roles: 'public' },
        { method: 'get', path: '/api/webhook-events', roles: [Role.ADMIN] },
        { method: 'get', path: '/api/webhook-events/7', roles: [Role.ADMIN] },
        { method: 'post', path: '/api/webhook-events/7/replay', roles: [Role.ADMIN] },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['an unknown status', 'status=lost', ['status']],
    ['a cursor that is not one', 'cursor=abc', ['cursor']],
    ['a limit over 200', 'limit=500', ['limit']],
    ['a from that is not a time', 'from=yesterday', ['from']],
  ])('GET /api/webhook-events refuses %s', async (_label, query, fields) => {
    const res = await api.as(Role.ADMIN).get(`/api/webhook-events?${query}`);
    expect([res.status, fieldsOf(res.body)]).toEqual([400, fields]);
    expect(events.useValue['list']).not.toHaveBeenCalled();
  });

  it('a delivery id is a number', async () => {
    expect((await api.as(Role.ADMIN).get('/api/webhook-events/latest')).status).toBe(400);
    expect((await api.as(Role.ADMIN).post('/api/webhook-events/latest/replay')).status).toBe(400);
    expect(events.useValue['replay']).not.toHaveBeenCalled();
  });
});
