import { Role } from '@ticklegram/domain-models';
import { ANY_ID, ContractApp, mockProvider, startContractApp } from '../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../test/contract/route-matrix';
import { HistoryController } from './history.controller';
import { HistorySyncService } from './history-sync.service';

describe('history controller (contract)', () => {
  let api: ContractApp;
  const history = mockProvider(HistorySyncService, { list: [], recoverNow: {} });

  beforeAll(async () => {
    api = await startContractApp({ controllers: [HistoryController], providers: [history] });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  it('only admins read history state and recover', async () => {
    expect(
      await roleMatrixViolations(api, [
        { method: 'get', path: '/api/channels/history', roles: [Role.ADMIN] },
        { method: 'post', path: `/api/channels/${ANY_ID}/recover`, roles: [Role.ADMIN] },
      ]),
    ).toEqual([]);
  });

  it('refuses a channel id that is not a uuid before recovering anything', async () => {
    const res = await api.as(Role.ADMIN).post('/api/channels/not-a-uuid/recover');
    expect(res.status).toBe(400);
    expect(history.useValue['recoverNow']).not.toHaveBeenCalled();
  });
});
