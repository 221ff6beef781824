import { Role } from '@ticklegram/domain-models';
import { ANY_ID, ContractApp, fieldsOf, mockProvider, startContractApp } from '../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../test/contract/route-matrix';
import { ConversationLabelsController } from './conversation-labels.controller';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { MessageMediaController } from './media/message-media.controller';
import { MessageMediaService } from './media/message-media.service';

describe('inbox controllers (contract)', () => {
  let api: ContractApp;
  const service = mockProvider(ConversationsService, { list: { items: [], nextCursor: null }, labelsOf: [], setLabels: {} });
  const media = mockProvider(MessageMediaService, { canSee: false });

  beforeAll(async () => {
    api = await startContractApp({ controllers: [ConversationsController, ConversationLabelsController, MessageMediaController], providers: [service, media] });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  it('admins and agents read conversations, threads, contacts, labels and media; nobody without a session', async () => {
    const both = [Role.ADMIN, Role.AGENT] as const;
    expect(
      await roleMatrixViolations(api, [
        { method: 'get', path: '/api/conversations', roles: both },
        { method: 'get', path: `/api/conversations/${ANY_ID}/messages`, roles: both },
        { method: 'get', path: `/api/conversations/${ANY_ID}/contact`, roles: both },
        { method: 'get', path: `/api/conversations/${ANY_ID}/labels`, roles: both },
        { method: 'put', path: `/api/conversations/${ANY_ID}/labels`, roles: both, body: { labelIds: [] } },
        { method: 'get', path: `/api/media/messages/${ANY_ID}/0`, roles: both },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['an unknown platform', 'platform=TIKTOK', ['platform']],
    ['a limit out of range', 'limit=0', ['limit']],
    ['an assignee that is neither a keyword nor an id', 'assignee=bob', ['assignee']],
    ['a non-boolean unread', 'unread=maybe', ['unread']],
    ['an unknown parameter', 'sort=name', ['sort']],
    ['a label that is not an id', 'label=vip', ['label']],
  ])('GET /api/conversations refuses %s (400 naming the field)', async (_label, query, fields) => {
    const res = await api.as(Role.AGENT).get(`/api/conversations?${query}`);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(fields);
    expect(service.useValue['list']).not.toHaveBeenCalled();
  });

  it('passes typed filters to the service', async () => {
    expect((await api.as(Role.AGENT).get('/api/conversations?platform=INSTAGRAM&unread=true&limit=5&assignee=me')).status).toBe(200);
    expect(service.useValue['list']).toHaveBeenCalledWith(
      expect.objectContaining({ role: Role.AGENT }),
      expect.objectContaining({ platform: 'INSTAGRAM', unread: true, limit: 5, assignee: 'me' }),
    );
  });

  it.each([
    ['ids that are not uuids', { labelIds: ['vip'] }, ['labelIds']],
    ['duplicates', { labelIds: [ANY_ID, ANY_ID] }, ['labelIds']],
    ['a missing list', {}, ['labelIds']],
    ['an unknown field', { labelIds: [], color: 'red' }, ['color']],
  ])('PUT …/labels refuses %s', async (_label, body, fields) => {
    const res = await api.as(Role.ADMIN).put(`/api/conversations/${ANY_ID}/labels`).send(body);
    expect([res.status, fieldsOf(res.body)]).toEqual([400, fields]);
    expect(service.useValue['setLabels']).not.toHaveBeenCalled();
  });

  it('a conversation or message id that is not a uuid is a 400, before any lookup', async () => {
    expect((await api.as(Role.ADMIN).get('/api/conversations/42/messages')).status).toBe(400);
    expect((await api.as(Role.ADMIN).get('/api/media/messages/42/0')).status).toBe(400);
    expect((await api.as(Role.ADMIN).get(`/api/media/messages/${ANY_ID}/first`)).status).toBe(400);
    expect(media.useValue['canSee']).not.toHaveBeenCalled();
  });
});
