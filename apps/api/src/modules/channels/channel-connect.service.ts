import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ChannelConnection,
  ChannelDto,
  ChannelStatus,
  ConnectFacebookPagesRequest,
  FacebookLoginSelectionDto,
  OAuthStartResponse,
} from '@ticklegram/domain-models';
import { DebugTokenData, DEFAULT_PAGE_SUBSCRIBED_FIELDS, GraphAuth, isMetaGraphError, USER_PAGES_FIELDS, UserPageWire } from '@ticklegram/meta-graph';
import { randomBytes } from 'node:crypto';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { TokenCipher, TokenCipherError } from '../../common/crypto/token-cipher';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { MetaGraph } from '../meta/meta.module';
import {
  FACEBOOK_LOGIN_REQUESTED_SCOPES,
  FACEBOOK_PAGE_SCOPES,
  INSTAGRAM_LOGIN_REQUESTED_SCOPES,
  INSTAGRAM_LOGIN_SCOPES,
  INSTAGRAM_LOGIN_SUBSCRIBED_FIELDS,
  INSTAGRAM_VIA_PAGE_SCOPES,
  missingScopes,
  ScopeRequirement,
} from './channel-scopes';
import { ChannelsException, ChannelsExceptionCode } from './channels.exception';
import { ChannelsService, targetType } from './channels.service';
import { ChannelBaseEntity } from './entities/channel-base.entity';
import { FacebookPageEntity } from './entities/facebook-page.entity';
import { InstagramAccountEntity } from './entities/instagram-account.entity';
import { AnyChannelEntity, ChannelRepository } from './repositories/channel.repository';

/** Who connects: an admin (HTTP) or the system (sandbox / legacy env bootstrap). */
export interface ConnectActor {
  user: Pick<AuthUser, 'id' | 'email'> | null;
  ip?: string | null;
  source: 'facebook_login' | 'instagram_login' | 'paste_token' | 'bootstrap';
}

type Flavour = 'facebook' | 'instagram';

interface OAuthState {
  k: 'oauth';
  f: Flavour;
  u: string;
  n: string;
  e: number;
}

interface FacebookSelection {
  k: 'fb-selection';
  u: string;
  t: string;
  e: number;
}

const STATE_TTL_MS = 15 * 60_000;
const SELECTION_TTL_MS = 15 * 60_000;

/**
 * Connecting channels: Facebook Login (Pages + their Instagram accounts), Instagram Login, and pasted
 * tokens — all end in the same upsert, which subscribes the app to the account's webhooks, fetches its
 * profile, encrypts the token and audits the change.
 */
@Injectable()
export class ChannelConnectService {
  private readonly logger = new Logger(ChannelConnectService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly graph: MetaGraph,
    private readonly cipher: TokenCipher,
    private readonly channels: ChannelRepository,
    private readonly service: ChannelsService,
    private readonly audit: AuditService,
  ) {}

  // ── OAuth dialogs ────────────────────────────────────────────────────────────────────────

  redirectUri(flavour: Flavour): string {
    return `${this.config.publicWebUrl}/accounts/connect/${flavour}`;
  }

  startOAuth(user: AuthUser, flavour: Flavour): OAuthStartResponse {
    const state: OAuthState = { k: 'oauth', f: flavour, u: user.id, n: randomBytes(8).toString('hex'), e: Date.now() + STATE_TTL_MS };
    const redirectUri = this.redirectUri(flavour);
    const version = this.graph.apiVersion;
    const url =
      flavour === 'facebook'
        ? new URL(`${this.config.meta.facebookDialogUrl}/${version}/dialog/oauth`)
        : new URL(`${this.config.meta.instagramDialogUrl}/oauth/authorize`);
    url.searchParams.set('client_id', flavour === 'facebook' ? this.config.meta.appId : this.config.meta.instagramAppId);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('state', this.cipher.encrypt(JSON.stringify(state)));
    url.searchParams.set('scope', (flavour === 'facebook' ? FACEBOOK_LOGIN_REQUESTED_SCOPES : INSTAGRAM_LOGIN_REQUESTED_SCOPES).join(','));
    url.searchParams.set('response_type', 'code');
    return { authorizeUrl: url.toString(), redirectUri };
  }

  /** Facebook Login callback: code → short-lived → long-lived user token → the Pages the admin may connect. */
  async completeFacebookLogin(user: AuthUser, code: string, state: string): Promise<FacebookLoginSelectionDto> {
    this.verifyState(user, state, 'facebook');
    const userToken = await this.metaStep('Facebook did not accept the login', async () => {
      const short = await this.graph.oauth.exchangeCode(code, this.redirectUri('facebook'));
      return (await this.graph.oauth.exchangeForLongLivedUserToken(short.access_token)).access_token;
    });
    const pages = await this.listPages(userToken);
    const expiresAt = Date.now() + SELECTION_TTL_MS;
    const selection: FacebookSelection = { k: 'fb-selection', u: user.id, t: userToken, e: expiresAt };
    const candidates = await Promise.all(
      pages.map(async (page) => {
        const ig = page.instagram_business_account ?? null;
        const [connectedPage, connectedIg] = await Promise.all([
          this.channels.pages.findOne({ where: { pageId: page.id } }),
          ig ? this.channels.instagram.findOne({ where: { igUserId: ig.id } }) : Promise.resolve(null),
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
    return { selectionId: this.cipher.encrypt(JSON.stringify(selection)), expiresAt: new Date(expiresAt).toISOString(), pages: candidates };
  }

  /** Connects what the admin picked after Facebook Login. Page tokens are fetched again server-side. */
  async connectFacebookSelection(actor: ConnectActor & { user: AuthUser }, request: ConnectFacebookPagesRequest): Promise<ChannelDto[]> {
    const selection = this.openSealed<FacebookSelection>(request.selectionId, 'fb-selection', actor.user.id, ChannelsExceptionCode.CHANNELS_SELECTION_INVALID, 'This Facebook login has expired. Connect again.');
    const pages = new Map((await this.listPages(selection.t)).map((p) => [p.id, p]));
    const connected: AnyChannelEntity[] = [];
    for (const choice of request.pages) {
      const page = pages.get(choice.pageId);
      if (!page?.access_token) throw new ChannelsException(ChannelsExceptionCode.CHANNELS_SELECTION_INVALID, `You do not manage the Page ${choice.pageId} with this Facebook login.`);
      const info = await this.inspect(page.access_token);
      if (choice.connectPage) connected.push(await this.connectPage(actor, page.access_token, info, page));
      if (choice.connectInstagram) {
        if (!page.instagram_business_account) throw new ChannelsException(ChannelsExceptionCode.CHANNELS_NO_INSTAGRAM_ACCOUNT, `${page.name ?? 'This Page'} has no Instagram professional account linked.`);
        connected.push(await this.connectInstagramViaPage(actor, page.id, page.access_token, page.instagram_business_account.id, info));
      }
    }
    return connected.map((c) => this.service.toDto(c));
  }

  /** Instagram Login callback: code → short-lived → long-lived (60 days) Instagram user token. */
  async completeInstagramLogin(actor: ConnectActor & { user: AuthUser }, code: string, state: string): Promise<ChannelDto[]> {
    this.verifyState(actor.user, state, 'instagram');
    const { token, expiresIn, permissions } = await this.metaStep('Instagram did not accept the login', async () => {
      const short = await this.graph.oauth.exchangeInstagramCode(code, this.redirectUri('instagram'));
      const long = await this.graph.oauth.exchangeInstagramLongLivedToken(short.access_token);
      return { token: long.access_token, expiresIn: long.expires_in ?? null, permissions: short.permissions ?? [] };
    });
    const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
    const channel = await this.connectInstagramLogin(actor, token, { scopes: permissions, expiresAt, issuedAt: new Date() });
    return [this.service.toDto(channel)];
  }

  // ── pasted tokens ───────────────────────────────────────────────────────────────────────

  /** A Page token: connects the Page. */
  async connectPastedPageToken(actor: ConnectActor, token: string): Promise<ChannelDto[]> {
    const info = await this.inspect(token.trim());
    if (info.type !== 'PAGE') {
      throw new ChannelsException(
        ChannelsExceptionCode.CHANNELS_TOKEN_WRONG_KIND,
        'This is not a Page access token. In Graph API Explorer choose your Page under "User or Page", then copy the token again.',
      );
    }
    const page = await this.connectPage(actor, token.trim(), info);
    return [this.service.toDto(page)];
  }

  /**
   * For an Instagram account: an Instagram Login token (graph.instagram.com), or the token of the
   * Facebook Page the Instagram account is linked to.
   */
  async connectPastedInstagramToken(actor: ConnectActor, rawToken: string): Promise<ChannelDto[]> {
    const token = rawToken.trim();
    const info = await this.tryInspect(token);
    if (info?.type === 'PAGE') {
      const pageId = info.profile_id ?? info.user_id;
      const page = await this.metaStep('Could not read the Page of this token', () =>
        this.graph.profiles.getMe<{ id: string; instagram_business_account?: { id: string } }>({ accessToken: token }, 'id,instagram_business_account{id}'),
      );
      if (!page.instagram_business_account) {
        throw new ChannelsException(ChannelsExceptionCode.CHANNELS_NO_INSTAGRAM_ACCOUNT, 'The Page of this token has no Instagram professional account linked. Link one in the Page settings first.');
      }
      const channel = await this.connectInstagramViaPage(actor, pageId ?? page.id, token, page.instagram_business_account.id, info);
      return [this.service.toDto(channel)];
    }
    const channel = await this.connectInstagramLogin(actor, token, {
      scopes: info?.scopes ?? null,
      expiresAt: info?.expires_at ? new Date(info.expires_at * 1000) : null,
      issuedAt: info?.issued_at ? new Date(info.issued_at * 1000) : null,
    });
    return [this.service.toDto(channel)];
  }

  // ── the one connect path ──────────────────────────────────────────────────────────────

  async connectPage(actor: ConnectActor, pageToken: string, info: DebugTokenData, listed?: UserPageWire): Promise<FacebookPageEntity> {
    this.requireScopes(info.scopes ?? [], FACEBOOK_PAGE_SCOPES);
    const auth: GraphAuth = { accessToken: pageToken };
    const me = await this.metaStep('Could not read the Page', () =>
      this.graph.profiles.getMe<{ id: string; name?: string; username?: string; picture?: { data?: { url?: string } } }>(auth, 'id,name,username,picture'),
    );
    const subscribedFields = await this.subscribe({ ...auth, accountKey: me.id }, me.id, DEFAULT_PAGE_SUBSCRIBED_FIELDS);
    const existing = await this.channels.pages.findOne({ where: { pageId: me.id } });
    const values: Partial<FacebookPageEntity> = {
      pageId: me.id,
      name: me.name ?? listed?.name ?? me.id,
      username: me.username ?? null,
      pictureUrl: me.picture?.data?.url ?? null,
      ...this.tokenColumns(pageToken, info),
      ...this.activeColumns(actor, subscribedFields),
    };
    const page = await this.upsert<FacebookPageEntity>(this.channels.pages, existing, values, () => this.channels.pages.findOne({ where: { pageId: me.id } }));
    // Instagram accounts connected through this Page share its token: renew theirs too
    for (const ig of await this.channels.findInstagramLinkedToPage(me.id)) {
      if (ig.status === ChannelStatus.DISCONNECTED) continue;
      await this.channels.update(ig, { ...this.tokenColumns(pageToken, info), status: ChannelStatus.ACTIVE, statusReason: null });
      this.service.emitUpdated(ig);
    }
    await this.afterConnect(actor, page, existing, 'facebook_login');
    return page;
  }

  async connectInstagramViaPage(actor: ConnectActor, pageId: string, pageToken: string, igUserId: string, info: DebugTokenData): Promise<InstagramAccountEntity> {
    this.requireScopes(info.scopes ?? [], INSTAGRAM_VIA_PAGE_SCOPES);
    const profile = await this.metaStep('Could not read the Instagram account', () => this.graph.profiles.getInstagramAccount({ accessToken: pageToken, accountKey: igUserId }, igUserId, 'id,username,name,profile_picture_url'));
    // webhooks for Instagram via a Page arrive through the Page's subscription
    const subscribedFields = await this.subscribe({ accessToken: pageToken, accountKey: pageId }, pageId, DEFAULT_PAGE_SUBSCRIBED_FIELDS);
    const existing = await this.channels.instagram.findOne({ where: { igUserId } });
    const values: Partial<InstagramAccountEntity> = {
      igUserId,
      appScopedId: null,
      username: profile.username ?? null,
      name: profile.name ?? profile.username ?? igUserId,
      pictureUrl: profile.profile_picture_url ?? null,
      connection: 'facebook_login',
      linkedPageId: pageId,
      ...this.tokenColumns(pageToken, info),
      ...this.activeColumns(actor, subscribedFields),
    };
    const account = await this.upsert<InstagramAccountEntity>(this.channels.instagram, existing, values, () => this.channels.instagram.findOne({ where: { igUserId } }));
    await this.afterConnect(actor, account, existing, 'facebook_login');
    return account;
  }

  async connectInstagramLogin(actor: ConnectActor, token: string, meta: { scopes: string[] | null; expiresAt: Date | null; issuedAt: Date | null }): Promise<InstagramAccountEntity> {
    if (meta.scopes) this.requireScopes(meta.scopes, INSTAGRAM_LOGIN_SCOPES);
    const auth: GraphAuth = { accessToken: token, host: 'instagram' };
    const me = await this.metaStep('Instagram did not accept this token', () =>
      this.graph.profiles.getMe<{ id: string; user_id?: string; username?: string; name?: string; profile_picture_url?: string }>(auth, 'id,user_id,username,name,profile_picture_url'),
    );
    const igUserId = String(me.user_id ?? me.id);
    const subscribedFields = await this.subscribe({ ...auth, accountKey: igUserId }, 'me', INSTAGRAM_LOGIN_SUBSCRIBED_FIELDS);
    const existing = await this.channels.instagram.findOne({ where: { igUserId } });
    const values: Partial<InstagramAccountEntity> = {
      igUserId,
      appScopedId: me.id !== igUserId ? me.id : null,
      username: me.username ?? null,
      name: me.name ?? me.username ?? igUserId,
      pictureUrl: me.profile_picture_url ?? null,
      connection: 'instagram_login',
      linkedPageId: null,
      accessTokenEnc: this.cipher.encrypt(token),
      scopes: meta.scopes ?? [],
      tokenExpiresAt: meta.expiresAt,
      tokenIssuedAt: meta.issuedAt ?? new Date(),
      tokenCheckedAt: new Date(),
      ...this.activeColumns(actor, subscribedFields),
    };
    const account = await this.upsert<InstagramAccountEntity>(this.channels.instagram, existing, values, () => this.channels.instagram.findOne({ where: { igUserId } }));
    await this.afterConnect(actor, account, existing, 'instagram_login');
    return account;
  }

  // ── disconnect / reconnect ────────────────────────────────────────────────────────────

  async disconnect(actor: ConnectActor & { user: AuthUser }, entity: AnyChannelEntity): Promise<ChannelDto> {
    const stored = await this.channels.readEncryptedToken(entity);
    if (stored && entity.status !== ChannelStatus.DISCONNECTED) await this.unsubscribe(entity, this.cipher.decrypt(stored));
    await this.channels.update(entity, {
      status: ChannelStatus.DISCONNECTED,
      statusReason: `Disconnected by ${actor.user.email}.`,
      accessTokenEnc: null,
      subscriptionState: 'unknown',
      subscribedFields: [],
    });
    this.service.invalidate();
    await this.audit.record({ actor: actor.user, action: 'channel.disconnected', target: { type: targetType(entity), id: entity.id }, details: { name: entity.name }, ip: actor.ip ?? null });
    this.service.emitUpdated(entity);
    return this.service.toDto(entity);
  }

  /** Whether agents may reply with the HUMAN_AGENT tag (24 h – 7 days) on this channel; needs Meta's Human Agent feature. */
  async updateSettings(actor: ConnectActor & { user: AuthUser }, entity: AnyChannelEntity, settings: { humanAgentEnabled?: boolean }): Promise<ChannelDto> {
    if (settings.humanAgentEnabled !== undefined && settings.humanAgentEnabled !== entity.humanAgentEnabled) {
      const before = entity.humanAgentEnabled;
      await this.channels.update(entity, { humanAgentEnabled: settings.humanAgentEnabled });
      this.service.invalidate();
      await this.audit.record({
        actor: actor.user,
        action: 'channel.settings_updated',
        target: { type: targetType(entity), id: entity.id },
        details: { name: entity.name, humanAgentEnabled: { from: before, to: settings.humanAgentEnabled } },
        ip: actor.ip ?? null,
      });
      this.service.emitUpdated(entity);
    }
    return this.service.toDto(entity);
  }

  reconnect(user: AuthUser, entity: AnyChannelEntity): OAuthStartResponse {
    const flavour: Flavour = entity instanceof InstagramAccountEntity && entity.connection === 'instagram_login' ? 'instagram' : 'facebook';
    return this.startOAuth(user, flavour);
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────

  /** `debug_token` with the app token; the token must be valid and belong to our app. */
  async inspect(token: string): Promise<DebugTokenData> {
    let info: DebugTokenData;
    try {
      info = await this.graph.oauth.debugToken(token);
    } catch (error) {
      throw this.metaFailure('Could not check the token with Meta', error);
    }
    return this.checkInspected(info);
  }

  /** Like {@link inspect}, but null when graph.facebook.com cannot inspect the token (Instagram Login tokens): validate with `/me` then. */
  private async tryInspect(token: string): Promise<DebugTokenData | null> {
    let info: DebugTokenData;
    try {
      info = await this.graph.oauth.debugToken(token);
    } catch (error) {
      if (isMetaGraphError(error) && error.kind !== 'retryable' && error.kind !== 'rate_limited') return null;
      throw this.metaFailure('Could not check the token with Meta', error);
    }
    return this.checkInspected(info);
  }

  private checkInspected(info: DebugTokenData): DebugTokenData {
    if (!info.is_valid) {
      const expired = info.error?.subcode === 463 || (info.expires_at !== undefined && info.expires_at > 0 && info.expires_at * 1000 < Date.now());
      throw new ChannelsException(
        ChannelsExceptionCode.CHANNELS_TOKEN_INVALID,
        expired
          ? `This token expired${info.expires_at ? ` on ${new Date(info.expires_at * 1000).toUTCString()}` : ''}. Generate a new one and paste it again.`
          : 'Meta does not accept this token (it may have been revoked, or was not copied completely). Generate a new one and paste it again.',
      );
    }
    if (info.app_id && info.app_id !== this.config.meta.appId && info.app_id !== this.config.meta.instagramAppId) {
      throw new ChannelsException(ChannelsExceptionCode.CHANNELS_TOKEN_WRONG_KIND, 'This token belongs to another Meta app. Generate it for this app (see docs/meta-setup.md).');
    }
    return info;
  }

  private requireScopes(granted: readonly string[], requirement: ScopeRequirement): void {
    const missing = missingScopes(granted, requirement).required;
    if (missing.length > 0) {
      throw new ChannelsException(
        ChannelsExceptionCode.CHANNELS_MISSING_PERMISSIONS,
        `This token is missing ${missing.length === 1 ? 'the permission' : 'these permissions'}: ${missing.join(', ')}. Grant ${missing.length === 1 ? 'it' : 'them'} when you log in or generate the token, then try again.`,
      );
    }
  }

  private tokenColumns(token: string, info: DebugTokenData): Partial<ChannelBaseEntity> {
    return {
      accessTokenEnc: this.cipher.encrypt(token),
      scopes: info.scopes ?? [],
      tokenExpiresAt: info.expires_at ? new Date(info.expires_at * 1000) : null,
      tokenIssuedAt: info.issued_at ? new Date(info.issued_at * 1000) : new Date(),
      tokenCheckedAt: new Date(),
    };
  }

  private activeColumns(actor: ConnectActor, subscribedFields: string[] | null): Partial<ChannelBaseEntity> {
    const now = new Date();
    return {
      status: ChannelStatus.ACTIVE,
      statusReason: null,
      subscriptionState: subscribedFields ? 'subscribed' : 'missing',
      subscribedFields: subscribedFields ?? [],
      subscriptionCheckedAt: now,
      connectedById: actor.user?.id ?? null,
      connectedAt: now,
    };
  }

  /** Subscribes the app to the account's webhooks; a failure leaves the channel connected but flagged. */
  private async subscribe(auth: GraphAuth, nodeId: string, fields: readonly string[]): Promise<string[] | null> {
    try {
      const res = await this.graph.subscriptions.subscribe(auth, nodeId, fields);
      return res.success ? [...fields] : null;
    } catch (error) {
      if (isMetaGraphError(error) && error.kind === 'reauth_required') throw this.metaFailure('Meta rejected the token', error);
      this.logger.warn({ err: isMetaGraphError(error) ? error.toJSON() : String(error), nodeId }, 'webhook subscription failed');
      return null;
    }
  }

  private async unsubscribe(entity: AnyChannelEntity, token: string): Promise<void> {
    try {
      if (entity instanceof FacebookPageEntity) await this.graph.subscriptions.unsubscribe({ accessToken: token }, entity.pageId);
      else if (entity.connection === 'instagram_login') await this.graph.subscriptions.unsubscribe({ accessToken: token, host: 'instagram', accountKey: entity.igUserId }, 'me');
      // Instagram via a Page: the Page's subscription may still serve the Page itself; leave it
    } catch (error) {
      this.logger.warn({ err: isMetaGraphError(error) ? error.toJSON() : String(error), channelId: entity.id }, 'unsubscribe failed (disconnecting anyway)');
    }
  }

  private async upsert<T extends AnyChannelEntity>(
    repo: { create(values: Partial<T>): T; save(entity: T): Promise<T> },
    existing: T | null,
    values: Partial<T>,
    refetch: () => Promise<T | null>,
  ): Promise<T> {
    if (existing) {
      await this.channels.update(existing, values as Partial<ChannelBaseEntity>);
      return existing;
    }
    try {
      return await repo.save(repo.create(values));
    } catch (error) {
      // another request connected the same account at the same moment: the unique key decided
      const winner = await refetch();
      if (!winner) throw error;
      await this.channels.update(winner, values as Partial<ChannelBaseEntity>);
      return winner;
    }
  }

  private async afterConnect(actor: ConnectActor, entity: AnyChannelEntity, existing: AnyChannelEntity | null, connection: ChannelConnection): Promise<void> {
    this.service.invalidate();
    await this.audit.record({
      actor: actor.user,
      action: existing ? 'channel.reconnected' : 'channel.connected',
      target: { type: targetType(entity), id: entity.id },
      details: { name: entity.name, connection, source: actor.source, scopes: entity.scopes },
      ip: actor.ip ?? null,
    });
    this.service.emitUpdated(entity);
  }

  private async listPages(userToken: string): Promise<UserPageWire[]> {
    return this.metaStep('Could not list your Facebook Pages', async () => {
      const pages: UserPageWire[] = [];
      for await (const page of this.graph.oauth.iterateUserPages(userToken, { fields: `${USER_PAGES_FIELDS},picture{url}` })) pages.push(page);
      return pages;
    });
  }

  private verifyState(user: AuthUser, state: string, flavour: Flavour): void {
    const parsed = this.openSealed<OAuthState>(state, 'oauth', user.id, ChannelsExceptionCode.CHANNELS_OAUTH_STATE_INVALID, 'This login link is invalid or has expired. Start connecting again.');
    if (parsed.f !== flavour) throw new ChannelsException(ChannelsExceptionCode.CHANNELS_OAUTH_STATE_INVALID, 'This login link is for the other kind of account. Start connecting again.');
  }

  /** Opens a value we sealed with the token cipher (OAuth state, Facebook selection) and checks owner + expiry. */
  private openSealed<T extends { k: string; u: string; e: number }>(sealed: string, kind: T['k'], userId: string, code: ChannelsExceptionCode, message: string): T {
    let parsed: T;
    try {
      parsed = JSON.parse(this.cipher.decrypt(sealed)) as T;
    } catch (error) {
      if (error instanceof TokenCipherError || error instanceof SyntaxError) throw new ChannelsException(code, message);
      throw error;
    }
    if (parsed.k !== kind || parsed.u !== userId || parsed.e < Date.now()) throw new ChannelsException(code, message);
    return parsed;
  }

  private async metaStep<T>(what: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      throw this.metaFailure(what, error);
    }
  }

  private metaFailure(what: string, error: unknown): Error {
    if (error instanceof ChannelsException) return error;
    if (isMetaGraphError(error)) {
      if (error.kind === 'reauth_required') return new ChannelsException(ChannelsExceptionCode.CHANNELS_TOKEN_INVALID, `${what}: ${error.userMessage}`);
      if (error.kind === 'retryable' || error.kind === 'rate_limited') return new ChannelsException(ChannelsExceptionCode.CHANNELS_META_UNAVAILABLE, `${what}: Meta is not answering right now. Try again in a minute.`);
      if (error.kind === 'permission') return new ChannelsException(ChannelsExceptionCode.CHANNELS_MISSING_PERMISSIONS, `${what}: ${error.userMessage}`);
      return new ChannelsException(ChannelsExceptionCode.CHANNELS_OAUTH_FAILED, `${what}: ${error.userMessage}`);
    }
    this.logger.error({ err: error }, what);
    return new ChannelsException(ChannelsExceptionCode.CHANNELS_META_UNAVAILABLE, `${what}: Meta could not be reached. Try again in a minute.`);
  }
}
