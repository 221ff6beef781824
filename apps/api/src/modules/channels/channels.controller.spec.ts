import { Role } from '@ticklegram/domain-models';
import { ANY_ID, ContractApp, fieldsOf, mockProvider, startContractApp } from '../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../test/contract/route-matrix';
import { InstagramAccountsController } from '../instagram/instagram-accounts.controller';
import { InstagramConnectService } from '../instagram/instagram-connect.service';
import { InstagramAccountRepository } from '../instagram/repositories/instagram-account.repository';
import { FacebookConnectService } from '../messenger/facebook-connect.service';
import { FacebookPagesController } from '../messenger/facebook-pages.controller';
import { FacebookPageRepository } from '../messenger/repositories/facebook-page.repository';
import { ChannelLifecycleService } from './channel-lifecycle.service';
import { ChannelMaintenanceService } from './channel-maintenance.service';
import { ChannelPlatforms } from './channel-platforms';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { LoginDialogService } from './connect/login-dialog.service';

describe('channel controllers: channels, Instagram, Facebook (contract)', () => {
  let api: ContractApp;
  const instagram = mockProvider(InstagramConnectService, { connectPastedToken: [], completeInstagramLogin: [] });
  const facebook = mockProvider(FacebookConnectService, { connectPastedPageToken: [], connectSelection: [], completeFacebookLogin: {} });
  const lifecycle = mockProvider(ChannelLifecycleService, { updateSettings: {}, disconnect: {}, reconnect: {} });
  const token = 'EAAB' + 'x'.repeat(40);

  beforeAll(async () => {
    api = await startContractApp({
      controllers: [ChannelsController, InstagramAccountsController, FacebookPagesController],
      providers: [
        instagram,
        facebook,
        lifecycle,
        mockProvider(ChannelsService, { list: [], toDto: {} }),
        mockProvider(ChannelMaintenanceService, { checkChannel: {} }),
        mockProvider(ChannelPlatforms, { findById: null }),
        mockProvider(LoginDialogService, { start: { authorizeUrl: 'https://x', redirectUri: 'https://y' } }),
        mockProvider(InstagramAccountRepository, { findById: {} }),
        mockProvider(FacebookPageRepository, { findById: {} }),
      ],
    });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  it('everyone sees channel health; only admins connect, check, change and disconnect', async () => {
    const admin = [Role.ADMIN] as const;
    expect(
      await roleMatrixViolations(api, [
        { method: 'get', path: '/api/channels', roles: [Role.ADMIN, Role.AGENT] },
        { method: 'post', path: `/api/channels/${ANY_ID}/check`, roles: admin },
        { method: 'get', path: '/api/instagram/accounts', roles: admin },
        { method: 'get', path: '/api/instagram/oauth/start', roles: admin },
        { method: 'post', path: '/api/instagram/oauth/complete', roles: admin, body: { code: 'c', state: 's' } },
        { method: 'post', path: '/api/instagram/accounts/token', roles: admin, body: { accessToken: token } },
        { method: 'post', path: `/api/instagram/accounts/${ANY_ID}/reconnect`, roles: admin },
        { method: 'patch', path: `/api/instagram/accounts/${ANY_ID}`, roles: admin, body: { humanAgentEnabled: false } },
        { method: 'delete', path: `/api/instagram/accounts/${ANY_ID}`, roles: admin },
        { method: 'get', path: '/api/facebook/pages', roles: admin },
        { method: 'get', path: '/api/facebook/oauth/start', roles: admin },
        { method: 'post', path: '/api/facebook/oauth/complete', roles: admin, body: { code: 'c', state: 's' } },
        {
          method: 'post',
          path: '/api/facebook/pages',
          roles: admin,
          body: { selectionId: 'sel', pages: [{ pageId: '1', connectPage: true, connectInstagram: false }] },
        },
        { method: 'post', path: '/api/facebook/pages/token', roles: admin, body: { accessToken: token } },
        { method: 'post', path: `/api/facebook/pages/${ANY_ID}/reconnect`, roles: admin },
        { method: 'patch', path: `/api/facebook/pages/${ANY_ID}`, roles: admin, body: { humanAgentEnabled: true } },
        { method: 'delete', path: `/api/facebook/pages/${ANY_ID}`, roles: admin },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['a token with spaces', '/api/facebook/pages/token', { accessToken: 'EAAB token with spaces' }, ['accessToken']],
    ['an empty token', '/api/instagram/accounts/token', { accessToken: '   ' }, ['accessToken']],
    ['a login callback without a state', '/api/instagram/oauth/complete', { code: 'c' }, ['state']],
    ['a selection without Pages', '/api/facebook/pages', { selectionId: 'sel', pages: [] }, ['pages']],
    [
      'a Page id that is not numeric',
      '/api/facebook/pages',
      { selectionId: 'sel', pages: [{ pageId: 'my-page', connectPage: true, connectInstagram: false }] },
      ['pages.0.pageId'],
    ],
  ])('refuses %s (400 naming the field, Meta never called)', async (_label, path, body, fields) => {
    const res = await api.as(Role.ADMIN).post(path).send(body);
    expect([res.status, fieldsOf(res.body)]).toEqual([400, fields]);
    for (const mock of [instagram, facebook]) for (const fn of Object.values(mock.useValue)) expect(fn).not.toHaveBeenCalled();
  });

  it('the Human Agent setting is a boolean', async () => {
    const res = await api.as(Role.ADMIN).patch(`/api/facebook/pages/${ANY_ID}`).send({ humanAgentEnabled: 'yes' });
    expect([res.status, fieldsOf(res.body)]).toEqual([400, ['humanAgentEnabled']]);
    expect(lifecycle.useValue['updateSettings']).not.toHaveBeenCalled();
  });
});
