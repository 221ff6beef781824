import { Role } from '@ticklegram/domain-models';
import { ANY_ID, ContractApp, fieldsOf, mockProvider, startContractApp } from '../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../test/contract/route-matrix';
import { CannedResponsesController } from './canned-responses.controller';
import { CannedResponsesService } from './canned-responses.service';

describe('CannedResponsesController (contract)', () => {
  let api: ContractApp;
  const service = mockProvider(CannedResponsesService, { list: [], create: {}, update: {} });
  const valid = { shortcut: 'thanks', title: 'Thanks', body: 'Thank you for writing!' };

  beforeAll(async () => {
    api = await startContractApp({ controllers: [CannedResponsesController], providers: [service] });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  it('everyone reads them; only admins manage them', async () => {
    expect(
      await roleMatrixViolations(api, [
        { method: 'get', path: '/api/canned-responses', roles: [Role.ADMIN, Role.AGENT] },
        { method: 'post', path: '/api/canned-responses', roles: [Role.ADMIN], body: valid },
        { method: 'patch', path: `/api/canned-responses/${ANY_ID}`, roles: [Role.ADMIN], body: { title: 'Thank you' } },
        { method: 'delete', path: `/api/canned-responses/${ANY_ID}`, roles: [Role.ADMIN] },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['a shortcut with spaces', { ...valid, shortcut: 'thank you' }, ['shortcut']],
    ['a missing body', { shortcut: 'thanks', title: 'Thanks' }, ['body']],
    ['a title over 120 characters', { ...valid, title: 'x'.repeat(121) }, ['title']],
  ])('POST refuses %s', async (_label, body, fields) => {
    const res = await api.as(Role.ADMIN).post('/api/canned-responses').send(body);
    expect([res.status, fieldsOf(res.body)]).toEqual([400, fields]);
    expect(service.useValue['create']).not.toHaveBeenCalled();
  });
});
