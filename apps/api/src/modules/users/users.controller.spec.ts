import { Role } from '@ticklegram/domain-models';
import { ANY_ID, ContractApp, fieldsOf, mockProvider, startContractApp } from '../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../test/contract/route-matrix';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

describe('UsersController (contract)', () => {
  let api: ContractApp;
  const service = mockProvider(UsersService, { list: [], directory: [], create: {}, update: {} });
  const valid = { email: 'sam@example.com', name: 'Sam', role: Role.AGENT, password: 'a-long-password-1' };

  beforeAll(async () => {
    api = await startContractApp({ controllers: [UsersController], providers: [service] });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  it('admins manage teammates; everyone signed in reads the directory', async () => {
    expect(
      await roleMatrixViolations(api, [
        { method: 'get', path: '/api/users', roles: [Role.ADMIN] },
        { method: 'get', path: '/api/users/directory', roles: [Role.ADMIN, Role.AGENT] },
        { method: 'post', path: '/api/users', roles: [Role.ADMIN], body: valid },
        { method: 'patch', path: `/api/users/${ANY_ID}`, roles: [Role.ADMIN], body: { name: 'Sam R.' } },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['an invalid email', { ...valid, email: 'sam' }, ['email']],
    ['an unknown role', { ...valid, role: 'OWNER' }, ['role']],
    ['a short password', { ...valid, password: 'short' }, ['password']],
    ['a blank name', { ...valid, name: '  ' }, ['name']],
    ['an unknown field', { ...valid, isAdmin: true }, ['isAdmin']],
  ])('POST /api/users refuses %s', async (_label, body, fields) => {
    const res = await api.as(Role.ADMIN).post('/api/users').send(body);
    expect([res.status, fieldsOf(res.body)]).toEqual([400, fields]);
    expect(service.useValue['create']).not.toHaveBeenCalled();
  });
});
