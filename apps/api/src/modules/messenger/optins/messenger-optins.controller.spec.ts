import { Role } from '@ticklegram/domain-models';
import { ANY_ID, ContractApp, mockProvider, startContractApp } from '../../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../../test/contract/route-matrix';
import { MessengerOptinsController } from './messenger-optins.controller';
import { MessengerOptinsService } from './messenger-optins.service';

describe('MessengerOptinsController (contract)', () => {
  let api: ContractApp;
  const optins = mockProvider(MessengerOptinsService, { ofConversation: { items: [] } });

  beforeAll(async () => {
    api = await startContractApp({ controllers: [MessengerOptinsController], providers: [optins] });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  it("admins and agents read a conversation's opt-ins (the service checks the conversation scope)", async () => {
    expect(await roleMatrixViolations(api, [{ method: 'get', path: `/api/conversations/${ANY_ID}/optins`, roles: [Role.ADMIN, Role.AGENT] }])).toEqual([]);
    expect(optins.useValue['ofConversation']).toHaveBeenCalledWith(expect.objectContaining({ role: Role.AGENT }), ANY_ID);
  });

  it('refuses a conversation id that is not a uuid', async () => {
    expect((await api.as(Role.AGENT).get('/api/conversations/not-an-id/optins')).status).toBe(400);
    expect(optins.useValue['ofConversation']).not.toHaveBeenCalled();
  });
});
