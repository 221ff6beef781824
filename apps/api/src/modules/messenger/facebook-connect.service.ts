import { Injectable } from '@nestjs/common';
import { ChannelDto, ChannelStatus, ConnectFacebookPagesRequest, FacebookLoginSelectionDto } from '@ticklegram/domain-models';
import { DebugTokenData, DEFAULT_PAGE_SUBSCRIBED_FIELDS, GraphAuth, USER_PAGES_FIELDS, UserPageWire } from '@ticklegram/meta-graph';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { FACEBOOK_PAGE_SCOPES } from '../channels/channel-scopes';
import { ChannelsException, ChannelsExceptionCode } from '../channels/channels.exception';
import { ChannelsService } from '../channels/channels.service';
import { ChannelConnectSupport } from '../channels/connect/channel-connect.support';
import { ConnectActor } from '../channels/connect/connect-actor';
import { LoginDialogService } from '../channels/connect/login-dialog.service';
import { ChannelBaseEntity } from '../channels/entities/channel-base.entity';
import { InstagramConnectService } from '../instagram/instagram-connect.service';
import { InstagramAccountRepository } from '../instagram/repositories/instagram-account.repository';
import { FacebookPageEntity } from './entities/facebook-page.entity';
import { FacebookPageRepository } from './repositories/facebook-page.repository';

interface FacebookSelection {
  k: 'fb-selection';
  u: string;
  /** the long-lived user token, sealed */
  t: string;
  e: number;
}

const SELECTION_TTL_MS = 15 * 60_000;

/**
 * Connecting Facebook Pages: Facebook Login (the admin picks Pages and their linked Instagram accounts;
 * Page tokens are fetched again server-side) or a pasted Page token. Connecting a Page renews the token
 * of the Instagram accounts connected through it.
 */
@Injectable()
export class FacebookConnectService {
  constructor(
    private readonly support: ChannelConnectSupport,
    private readonly dialogs: LoginDialogService,
    private readonly pages: FacebookPageRepository,
    private readonly instagramAccounts: InstagramAccountRepository,
    private readonly instagram: InstagramConnectService,
    private readonly channels: ChannelsService,
  ) {}

  /** Facebook Login callback: code → short-lived → long-lived user token → the Pages the admin may connect. */
  async completeFacebookLogin(user: AuthUser, code: string, state: string): Promise<FacebookLoginSelectionDto> {
    this.dialogs.verifyState(user.id, state, 'facebook');
    const graph = this.support.graph;
    const userToken = await this.support.metaStep('Facebook did not accept the login', async () => {
      const short = await graph.oauth.exchangeCode(code, this.dialogs.redirectUri('facebook'));
      return (await graph.oauth.exchangeForLongLivedUserToken(short.access_token)).access_token;
    });
    const pages = await this.listPages(userToken);
    const candidates = await Promise.all(
      pages.map(async (page) => {
        const ig = page.instagram_business_account ?? null;
        const [connectedPage, connectedIg] = await Promise.all([
          this.pages.findByExternalId(page.id),
          ig ? this.instagramAccounts.findByExternalId(ig.id) : Promise.resolve(null),
        ]);
        return {
          pageId: page.id,
          name: page.name ?? page.id,
          pictureUrl: (page as UserPageWire & { picture?: { data?: { url?: string } } }).picture?.data?.url ?? null,
          instagram: ig ? { id: ig.id, username: ig.username ?? null, name: ig.name ?? null, pictureUrl: ig.profile_picture_url ?? null } : null,
          connectedPageChannelId: connectedPage && connectedPage.status !== ChannelStatus.DISCONNECTED ? connectedPage.id : null,
          connectedInstagramChannelId: connectedIg && connectedIg.status !== ChannelStatus.DISCONNECTED ? connectedIg.id : null,
        };
      }),
    );
    const selectionId = this.dialogs.seal('fb-selection', user.id, SELECTION_TTL_MS, { t: userToken });
    return { selectionId, expiresAt: new Date(Date.now() + SELECTION_TTL_MS).toISOString(), pages: candidates };
  }

  /** Connects what the admin picked after Facebook Login. Page tokens are fetched again server-side. */
  async connectSelection(actor: ConnectActor & { user: AuthUser }, request: ConnectFacebookPagesRequest): Promise<ChannelDto[]> {
    const selection = this.dialogs.open<FacebookSelection>(
      request.selectionId,
      'fb-selection',
      actor.user.id,
      ChannelsExceptionCode.CHANNELS_SELECTION_INVALID,
      'This Facebook login has expired. Connect again.',
    );
    const pages = new Map((await this.listPages(selection.t)).map((p) => [p.id, p]));
    const connected: ChannelBaseEntity[] = [];
    for (const choice of request.pages) {
      const page = pages.get(choice.pageId);
      if (!page?.access_token)
        throw new ChannelsException(ChannelsExceptionCode.CHANNELS_SELECTION_INVALID, `You do not manage the Page ${choice.pageId} with this Facebook login.`);
      const info = await this.support.inspect(page.access_token);
      if (choice.connectPage) connected.push(await this.connectPage(actor, page.access_token, info, page));
      if (choice.connectInstagram) {
        if (!page.instagram_business_account)
          throw new ChannelsException(
            ChannelsExceptionCode.CHANNELS_NO_INSTAGRAM_ACCOUNT,
            `${page.name ?? 'This Page'} has no Instagram professional account linked.`,
          );
        connected.push(await this.instagram.connectViaPage(actor, page.id, page.access_token, page.instagram_business_account.id, info));
      }
    }
    return connected.map((c) => this.channels.toDto(c));
  }

  /** A pasted Page token: connects the Page. */
  async connectPastedPageToken(actor: ConnectActor, token: string): Promise<ChannelDto[]> {
    const info = await this.support.inspect(token.trim());
    if (info.type !== 'PAGE') {
      throw new ChannelsException(
        ChannelsExceptionCode.CHANNELS_TOKEN_WRONG_KIND,
        'This is not a Page access token. In Graph API Explorer choose your Page under "User or Page", then copy the token again.',
      );
    }
    return [this.channels.toDto(await this.connectPage(actor, token.trim(), info))];
  }

  async connectPage(actor: ConnectActor, pageToken: string, info: DebugTokenData, listed?: UserPageWire): Promise<FacebookPageEntity> {
    this.support.requireScopes(info.scopes ?? [], FACEBOOK_PAGE_SCOPES);
    const auth: GraphAuth = { accessToken: pageToken };
    const me = await this.support.metaStep('Could not read the Page', () =>
      this.support.graph.profiles.getMe<{ id: string; name?: string; username?: string; picture?: { data?: { url?: string } } }>(
        auth,
        'id,name,username,picture',
      ),
    );
    const subscribedFields = await this.support.subscribe({ ...auth, accountKey: me.id }, me.id, DEFAULT_PAGE_SUBSCRIBED_FIELDS);
    const existing = await this.pages.findByExternalId(me.id);
    const values: Partial<FacebookPageEntity> = {
      pageId: me.id,
      name: me.name ?? listed?.name ?? me.id,
      username: me.username ?? null,
      pictureUrl: me.picture?.data?.url ?? null,
      ...this.support.tokenColumns(pageToken, info),
      ...this.support.activeColumns(actor, subscribedFields),
    };
    const page = await this.support.upsert(this.pages, existing, values, me.id);
    // Instagram accounts connected through this Page share its token: renew theirs too
    for (const ig of await this.instagramAccounts.findLinkedToPage(me.id)) {
      if (ig.status === ChannelStatus.DISCONNECTED) continue;
      await this.instagramAccounts.update(ig, { ...this.support.tokenColumns(pageToken, info), status: ChannelStatus.ACTIVE, statusReason: null });
      this.channels.emitUpdated(ig);
    }
    await this.support.afterConnect(actor, page, existing, 'facebook_login');
    return page;
  }

  private async listPages(userToken: string): Promise<UserPageWire[]> {
    return this.support.metaStep('Could not list your Facebook Pages', async () => {
      const pages: UserPageWire[] = [];
      for await (const page of this.support.graph.oauth.iterateUserPages(userToken, { fields: `${USER_PAGES_FIELDS},picture{url}` })) pages.push(page);
      return pages;
    });
  }
}
