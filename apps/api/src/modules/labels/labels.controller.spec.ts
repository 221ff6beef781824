import { Role } from '@ticklegram/domain-models';
import { ANY_ID, ContractApp, fieldsOf, mockProvider, startContractApp } from '../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../test/contract/route-matrix';
import { LabelsController } from './labels.controller';
import { LabelsService } from './labels.service';

describe('LabelsController (contract)', () => {
  let api: ContractApp;
  const service = mockProvider(LabelsService, { list: [], create: {}, update: {} });

  beforeAll(async () => {
    api = await startContractApp({ controllers: [LabelsController], providers: [service] });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  it('everyone reads labels; only admins create, change and delete them', async () => {
    const label = { name: 'VIP', color: '#22c55e' };
    expect(
      await roleMatrixViolations(api, [
        { method: 'get', path: '/api/labels', roles: [Role.ADMIN, Role.AGENT] },
        { method: 'post', path: '/api/labels', roles: [Role.ADMIN], body: label },
        { method: 'patch', path: `/api/labels/${ANY_ID}`, roles: [Role.ADMIN], body: { name: 'Gold' } },
        { method: 'delete', path: `/api/labels/${ANY_ID}`, roles: [Role.ADMIN] },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['a colour that is not #rrggbb', { name: 'VIP', color: 'green' }, ['color']],
    ['a blank name', { name: '   ', color: '#22c55e' }, ['name']],
    ['a name over 50 characters', { name: 'x'.repeat(51), color: '#22c55e' }, ['name']],
    ['an unknown field', { name: 'VIP', color: '#22c55e', icon: 'star' }, ['icon']],
  ])('POST /api/labels refuses %s', async (_label, body, fields) => {
    const res = await api.as(Role.ADMIN).post('/api/labels').send(body);
    expect([res.status, res.body.code, fieldsOf(res.body)]).toEqual([400, 'VALIDATION_FAILED', fields]);
    expect(service.useValue['create']).not.toHaveBeenCalled();
  });

  it('normalises the colour before the service sees it', async () => {
    await api.as(Role.ADMIN).post('/api/labels').send({ name: ' VIP ', color: '#22C55E' }).expect(201);
    expect(service.useValue['create']).toHaveBeenCalledWith(expect.anything(), { name: 'VIP', color: '#22c55e' }, expect.anything());
  });
});
