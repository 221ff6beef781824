import { Inject, Injectable } from '@nestjs/common';
import { OAuthStartResponse } from '@ticklegram/domain-models';
import { randomBytes } from 'node:crypto';
import { TokenCipher, TokenCipherError } from '../../../common/crypto/token-cipher';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { FACEBOOK_LOGIN_REQUESTED_SCOPES, INSTAGRAM_LOGIN_REQUESTED_SCOPES } from '../channel-scopes';
import { ChannelsException, ChannelsExceptionCode } from '../channels.exception';
import { MetaGraph } from '../../meta/meta.module';

/** Which login dialog: Facebook Login (Pages and their Instagram accounts) or Instagram Login. */
export type LoginFlavour = 'facebook' | 'instagram';

interface Sealed {
  /** kind */
  k: string;
  /** owner (user id) */
  u: string;
  /** expiry, epoch ms */
  e: number;
}

const STATE_TTL_MS = 15 * 60_000;

/**
 * Meta's login dialogs (Facebook Login for Pages and their Instagram accounts, Instagram Login) and the
 * values we hand to the browser and must get back untouched — the OAuth `state`, the Facebook Page
 * selection — sealed with the token cipher (AES-GCM), bound to the user and short-lived.
 */
@Injectable()
export class LoginDialogService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: TokenCipher,
    private readonly graph: MetaGraph,
  ) {}

  /** The authorize URL of a login dialog and the redirect URI it returns to. */
  start(userId: string, flavour: LoginFlavour): OAuthStartResponse {
    const redirectUri = this.redirectUri(flavour);
    const url =
      flavour === 'facebook'
        ? new URL(`${this.config.meta.facebookDialogUrl}/${this.graph.apiVersion}/dialog/oauth`)
        : new URL(`${this.config.meta.instagramDialogUrl}/oauth/authorize`);
    url.searchParams.set('client_id', flavour === 'facebook' ? this.config.meta.appId : this.config.meta.instagramAppId);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('state', this.newState(userId, flavour));
    url.searchParams.set('scope', (flavour === 'facebook' ? FACEBOOK_LOGIN_REQUESTED_SCOPES : INSTAGRAM_LOGIN_REQUESTED_SCOPES).join(','));
    url.searchParams.set('response_type', 'code');
    return { authorizeUrl: url.toString(), redirectUri };
  }

  /** Where Meta sends the admin back after the dialog (a dashboard page that posts the code to the api). */
  redirectUri(flavour: LoginFlavour): string {
    return `${this.config.publicWebUrl}/accounts/connect/${flavour}`;
  }

  newState(userId: string, flavour: LoginFlavour): string {
    return this.seal('oauth', userId, STATE_TTL_MS, { f: flavour, n: randomBytes(8).toString('hex') });
  }

  verifyState(userId: string, state: string, flavour: LoginFlavour): void {
    const parsed = this.open<Sealed & { f: LoginFlavour }>(
      state,
      'oauth',
      userId,
      ChannelsExceptionCode.CHANNELS_OAUTH_STATE_INVALID,
      'This login link is invalid or has expired. Start connecting again.',
    );
    if (parsed.f !== flavour)
      throw new ChannelsException(
        ChannelsExceptionCode.CHANNELS_OAUTH_STATE_INVALID,
        'This login link is for the other kind of account. Start connecting again.',
      );
  }

  seal(kind: string, userId: string, ttlMs: number, data: Record<string, unknown>): string {
    return this.cipher.encrypt(JSON.stringify({ ...data, k: kind, u: userId, e: Date.now() + ttlMs }));
  }

  /** Opens a sealed value and checks kind, owner and expiry; anything else is the given 4xx. */
  open<T extends Sealed>(sealed: string, kind: string, userId: string, code: ChannelsExceptionCode, message: string): T {
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
}
