import { Role } from '@ticklegram/domain-models';
import { ANY_ID, ContractApp, fieldsOf, mockProvider, startContractApp } from '../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../test/contract/route-matrix';
import { ConversationCountsRepository } from '../inbox/repositories/conversation-counts.repository';
import { PresenceService } from '../realtime/presence.service';
import { AssignmentSettingsController } from './assignment-settings.controller';
import { AssignmentSettingsService } from './assignment-settings.service';
import { AssignmentController } from './assignment.controller';
import { AssignmentService } from './assignment.service';
import { ConversationCountsController } from './conversation-counts.controller';

describe('assignment controllers (contract)', () => {
  let api: ContractApp;
  const assignment = mockProvider(AssignmentService, { get: {}, state: { conversation: {} }, assign: {}, updateStatus: {} });
  const settings = mockProvider(AssignmentSettingsService, { get: {}, update: {} });

  beforeAll(async () => {
    api = await startContractApp({
      controllers: [ConversationCountsController, AssignmentController, AssignmentSettingsController],
      providers: [assignment, settings, mockProvider(ConversationCountsRepository, { countVisible: {} }), mockProvider(PresenceService, { onlineUsers: [] })],
    });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  it('agents and admins assign and change status; only admins change the round-robin settings', async () => {
    const both = [Role.ADMIN, Role.AGENT] as const;
    expect(
      await roleMatrixViolations(api, [
        { method: 'get', path: '/api/conversations/counts', roles: both },
        { method: 'get', path: `/api/conversations/${ANY_ID}`, roles: both },
        { method: 'post', path: `/api/conversations/${ANY_ID}/assign`, roles: both, body: { assigneeId: null } },
        { method: 'patch', path: `/api/conversations/${ANY_ID}`, roles: both, body: { status: 'resolved' } },
        { method: 'get', path: '/api/presence/online', roles: both },
        { method: 'get', path: '/api/settings/assignment', roles: [Role.ADMIN] },
        { method: 'put', path: '/api/settings/assignment', roles: [Role.ADMIN], body: { autoAssign: true, capacity: 5 } },
      ]),
    ).toEqual([]);
  });

  it('`counts` is not taken for a conversation id', async () => {
    expect((await api.as(Role.AGENT).get('/api/conversations/counts')).status).toBe(200);
  });

  it.each([
    ['an assignee that is not a user id', 'post', 'assign', { assigneeId: 'bob' }, ['assigneeId']],
    ['a missing assignee', 'post', 'assign', {}, ['assigneeId']],
    ['an unknown status', 'patch', '', { status: 'archived' }, ['status']],
    ['snoozing without a time', 'patch', '', { status: 'snoozed' }, ['snoozedUntil']],
    ['a snooze time that is not ISO 8601', 'patch', '', { status: 'snoozed', snoozedUntil: 'tomorrow' }, ['snoozedUntil']],
  ] as const)('refuses %s', async (_label, method, path, body, fields) => {
    const res = await api
      .as(Role.AGENT)
      [method](`/api/conversations/${ANY_ID}${path ? `/${path}` : ''}`)
      .send(body);
    expect([res.status, fieldsOf(res.body)]).toEqual([400, fields]);
    expect(assignment.useValue['assign']).not.toHaveBeenCalled();
    expect(assignment.useValue['updateStatus']).not.toHaveBeenCalled();
  });

  it.each([
    [{ autoAssign: 'yes', capacity: 5 }, ['autoAssign']],
    [{ autoAssign: true, capacity: 0 }, ['capacity']],
    [{ autoAssign: true, capacity: 5, mode: 'x' }, ['mode']],
  ])('PUT /api/settings/assignment refuses %j', async (body, fields) => {
    const res = await api.as(Role.ADMIN).put('/api/settings/assignment').send(body);
    expect([res.status, fieldsOf(res.body)]).toEqual([400, fields]);
    expect(settings.useValue['update']).not.toHaveBeenCalled();
  });
});
