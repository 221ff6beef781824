import { Injectable } from '@nestjs/common';
import { ChannelDto } from '@ticklegram/domain-models';
import { DebugTokenData, DEFAULT_PAGE_SUBSCRIBED_FIELDS, GraphAuth } from '@ticklegram/meta-graph';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { ChannelsException, ChannelsExceptionCode } from '../channels/channels.exception';
import { ChannelsService } from '../channels/channels.service';
import { ChannelConnectSupport } from '../channels/connect/channel-connect.support';
import { ConnectActor } from '../channels/connect/connect-actor';
import { LoginDialogService } from '../channels/connect/login-dialog.service';
import { InstagramAccountEntity } from './entities/instagram-account.entity';
import { INSTAGRAM_LOGIN_SCOPES, INSTAGRAM_VIA_PAGE_SCOPES } from '../channels/channel-scopes';
import { INSTAGRAM_LOGIN_SUBSCRIBED_FIELDS } from './instagram-scopes';
import { InstagramAccountRepository } from './repositories/instagram-account.repository';

/**
 * Connecting Instagram professional accounts: Instagram Login (no Page), a pasted Instagram Login token,
 * or through the linked Facebook Page (a pasted Page token, or Facebook Login's selection). One row per
 * IG account id whichever way; the latest connection's token is the one used.
 */
@Injectable()
export class InstagramConnectService {
  constructor(
    private readonly support: ChannelConnectSupport,
    private readonly dialogs: LoginDialogService,
    private readonly accounts: InstagramAccountRepository,
    private readonly channels: ChannelsService,
  ) {}

  /** Instagram Login callback: code → short-lived → long-lived (60 days) Instagram user token. */
  async completeInstagramLogin(actor: ConnectActor & { user: AuthUser }, code: string, state: string): Promise<ChannelDto[]> {
    this.dialogs.verifyState(actor.user.id, state, 'instagram');
    const graph = this.support.graph;
    const { token, expiresIn, permissions } = await this.support.metaStep('Instagram did not accept the login', async () => {
      const short = await graph.oauth.exchangeInstagramCode(code, this.dialogs.redirectUri('instagram'));
      const long = await graph.oauth.exchangeInstagramLongLivedToken(short.access_token);
      return { token: long.access_token, expiresIn: long.expires_in ?? null, permissions: short.permissions ?? [] };
    });
    const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
    const channel = await this.connectInstagramLogin(actor, token, { scopes: permissions, expiresAt, issuedAt: new Date() });
    return [this.channels.toDto(channel)];
  }

  /**
   * A pasted token for an Instagram account: an Instagram Login token (graph.instagram.com), or the token
   * of the Facebook Page the Instagram account is linked to.
   */
  async connectPastedToken(actor: ConnectActor, rawToken: string): Promise<ChannelDto[]> {
    const token = rawToken.trim();
    const info = await this.support.tryInspect(token);
    if (info?.type === 'PAGE') {
      const pageId = info.profile_id ?? info.user_id;
      const page = await this.support.metaStep('Could not read the Page of this token', () =>
        this.support.graph.profiles.getMe<{ id: string; instagram_business_account?: { id: string } }>(
          { accessToken: token },
          'id,instagram_business_account{id}',
        ),
      );
      if (!page.instagram_business_account) {
        throw new ChannelsException(
          ChannelsExceptionCode.CHANNELS_NO_INSTAGRAM_ACCOUNT,
          'The Page of this token has no Instagram professional account linked. Link one in the Page settings first.',
        );
      }
      const channel = await this.connectViaPage(actor, pageId ?? page.id, token, page.instagram_business_account.id, info);
      return [this.channels.toDto(channel)];
    }
    const channel = await this.connectInstagramLogin(actor, token, {
      scopes: info?.scopes ?? null,
      expiresAt: info?.expires_at ? new Date(info.expires_at * 1000) : null,
      issuedAt: info?.issued_at ? new Date(info.issued_at * 1000) : null,
    });
    return [this.channels.toDto(channel)];
  }

  /** Instagram through its linked Page: the Page token is stored, webhooks come through the Page's subscription. */
  async connectViaPage(actor: ConnectActor, pageId: string, pageToken: string, igUserId: string, info: DebugTokenData): Promise<InstagramAccountEntity> {
    this.support.requireScopes(info.scopes ?? [], INSTAGRAM_VIA_PAGE_SCOPES);
    const profile = await this.support.metaStep('Could not read the Instagram account', () =>
      this.support.graph.profiles.getInstagramAccount({ accessToken: pageToken, accountKey: igUserId }, igUserId, 'id,username,name,profile_picture_url'),
    );
    const subscribedFields = await this.support.subscribe({ accessToken: pageToken, accountKey: pageId }, pageId, DEFAULT_PAGE_SUBSCRIBED_FIELDS);
    const existing = await this.accounts.findByExternalId(igUserId);
    const values: Partial<InstagramAccountEntity> = {
      igUserId,
      appScopedId: null,
      username: profile.username ?? null,
      name: profile.name ?? profile.username ?? igUserId,
      pictureUrl: profile.profile_picture_url ?? null,
      connection: 'facebook_login',
      linkedPageId: pageId,
      ...this.support.tokenColumns(pageToken, info),
      ...this.support.activeColumns(actor, subscribedFields),
    };
    const account = await this.support.upsert(this.accounts, existing, values, igUserId);
    await this.support.afterConnect(actor, account, existing, 'facebook_login');
    return account;
  }

  async connectInstagramLogin(
    actor: ConnectActor,
    token: string,
    meta: { scopes: string[] | null; expiresAt: Date | null; issuedAt: Date | null },
  ): Promise<InstagramAccountEntity> {
    if (meta.scopes) this.support.requireScopes(meta.scopes, INSTAGRAM_LOGIN_SCOPES);
    const auth: GraphAuth = { accessToken: token, host: 'instagram' };
    const me = await this.support.metaStep('Instagram did not accept this token', () =>
      this.support.graph.profiles.getMe<{ id: string; user_id?: string; username?: string; name?: string; profile_picture_url?: string }>(
        auth,
        'id,user_id,username,name,profile_picture_url',
      ),
    );
    const igUserId = String(me.user_id ?? me.id);
    const subscribedFields = await this.support.subscribe({ ...auth, accountKey: igUserId }, 'me', INSTAGRAM_LOGIN_SUBSCRIBED_FIELDS);
    const existing = await this.accounts.findByExternalId(igUserId);
    const values: Partial<InstagramAccountEntity> = {
      igUserId,
      appScopedId: me.id !== igUserId ? me.id : null,
      username: me.username ?? null,
      name: me.name ?? me.username ?? igUserId,
      pictureUrl: me.profile_picture_url ?? null,
      connection: 'instagram_login',
      linkedPageId: null,
      accessTokenEnc: this.support.encrypt(token),
      scopes: meta.scopes ?? [],
      tokenExpiresAt: meta.expiresAt,
      tokenIssuedAt: meta.issuedAt ?? new Date(),
      tokenCheckedAt: new Date(),
      ...this.support.activeColumns(actor, subscribedFields),
    };
    const account = await this.support.upsert(this.accounts, existing, values, igUserId);
    await this.support.afterConnect(actor, account, existing, 'instagram_login');
    return account;
  }
}
