import { Role } from '@ticklegram/domain-models';
import { ANY_ID, ContractApp, fieldsOf, mockProvider, startContractApp } from '../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../test/contract/route-matrix';
import { PriorityController } from '../priority/priority.controller';
import { PriorityService } from '../priority/priority.service';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';

describe('NotesController and PriorityController (contract)', () => {
  let api: ContractApp;
  const notes = mockProvider(NotesService, { list: [], create: {} });
  const priority = mockProvider(PriorityService, { set: {} });

  beforeAll(async () => {
    api = await startContractApp({ controllers: [NotesController, PriorityController], providers: [notes, priority] });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  it('admins and agents write notes and set priority (the service checks the conversation scope)', async () => {
    const both = [Role.ADMIN, Role.AGENT] as const;
    expect(
      await roleMatrixViolations(api, [
        { method: 'get', path: `/api/conversations/${ANY_ID}/notes`, roles: both },
        { method: 'post', path: `/api/conversations/${ANY_ID}/notes`, roles: both, body: { body: 'call back' } },
        { method: 'put', path: `/api/conversations/${ANY_ID}/priority`, roles: both, body: { priority: 'high' } },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['an empty body', { body: '' }, ['body']],
    ['a body over 5000 characters', { body: 'x'.repeat(5001) }, ['body']],
    ['mentions that are not user ids', { body: 'hi', mentionUserIds: ['bob'] }, ['mentionUserIds']],
  ])('POST …/notes refuses %s', async (_label, body, fields) => {
    const res = await api.as(Role.AGENT).post(`/api/conversations/${ANY_ID}/notes`).send(body);
    expect([res.status, fieldsOf(res.body)]).toEqual([400, fields]);
    expect(notes.useValue['create']).not.toHaveBeenCalled();
  });

  it.each([[{ priority: 'critical' }], [{}], [{ priority: 'high', reason: 'x' }]])('PUT …/priority refuses %j', async (body) => {
    expect((await api.as(Role.AGENT).put(`/api/conversations/${ANY_ID}/priority`).send(body)).status).toBe(400);
    expect(priority.useValue['set']).not.toHaveBeenCalled();
  });
});
