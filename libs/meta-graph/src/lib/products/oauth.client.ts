import { GraphHttpClient } from '../core/graph-http.client';
import { GraphPage, paginate } from '../core/pagination';

/** Token exchanges, page tokens and token inspection (reference §7). */

export interface AccessTokenResponse {
  access_token: string;
  token_type?: string;
  /** Seconds. */
  expires_in?: number;
}

export interface InstagramCodeExchangeResponse {
  access_token: string;
  user_id: string;
  permissions?: string[];
}

export interface DebugTokenData {
  app_id?: string;
  type?: 'USER' | 'PAGE' | 'APP' | string;
  application?: string;
  expires_at?: number;
  data_access_expires_at?: number;
  is_valid: boolean;
  issued_at?: number;
  scopes?: string[];
  granular_scopes?: { scope: string; target_ids?: string[] }[];
  user_id?: string;
  profile_id?: string;
  error?: { code?: number; message?: string; subcode?: number };
}

export interface UserPageWire {
  id: string;
  name?: string;
  access_token?: string;
  category?: string;
  tasks?: string[];
  instagram_business_account?: { id: string; username?: string; name?: string; profile_picture_url?: string };
}

export const USER_PAGES_FIELDS = 'id,name,access_token,category,tasks,instagram_business_account{id,username,name,profile_picture_url}';

export class OAuthClient {
  constructor(private readonly http: GraphHttpClient) {}

  /** `app_id|app_secret` — usable directly as an app access token (server-side only). */
  get appAccessToken(): string {
    return this.http.appAccessToken;
  }

  /** Facebook Login: authorization code → user token (`GET /oauth/access_token`). */
  async exchangeCode(code: string, redirectUri: string): Promise<AccessTokenResponse> {
    const { clientId, clientSecret } = this.http.credentials('facebook');
    const res = await this.http.request<AccessTokenResponse>({
      method: 'GET',
      path: '/oauth/access_token',
      query: { client_id: clientId, client_secret: clientSecret, redirect_uri: redirectUri, code },
      // a code is single-use: never replay it after an ambiguous failure
      idempotent: false,
    });
    return res.data;
  }

  /** Short-lived → long-lived (~60 days) Facebook user token (`grant_type=fb_exchange_token`). */
  async exchangeForLongLivedUserToken(shortLivedToken: string): Promise<AccessTokenResponse> {
    const { clientId, clientSecret } = this.http.credentials('facebook');
    const res = await this.http.request<AccessTokenResponse>({
      method: 'GET',
      path: '/oauth/access_token',
      query: { grant_type: 'fb_exchange_token', client_id: clientId, client_secret: clientSecret, fb_exchange_token: shortLivedToken },
    });
    return res.data;
  }

  /** App token via `grant_type=client_credentials`. */
  async fetchAppAccessToken(): Promise<AccessTokenResponse> {
    const { clientId, clientSecret } = this.http.credentials('facebook');
    const res = await this.http.request<AccessTokenResponse>({
      method: 'GET',
      path: '/oauth/access_token',
      query: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
    });
    return res.data;
  }

  /** `GET /debug_token?input_token=…` inspected with the app token (or a developer token). */
  async debugToken(inputToken: string, inspectorToken = this.http.appAccessToken): Promise<DebugTokenData> {
    const res = await this.http.request<{ data: DebugTokenData }>({
      method: 'GET',
      path: '/debug_token',
      accessToken: inspectorToken,
      query: { input_token: inputToken },
    });
    return res.data.data;
  }

  /**
   * `GET /<PAGE_ID>?fields=access_token` — a Page token. With a long-lived user token the Page token
   * never expires; the legacy fallback used the app token.
   */
  async getPageAccessToken(pageId: string, viaToken = this.http.appAccessToken): Promise<{ id: string; access_token: string }> {
    const res = await this.http.request<{ id: string; access_token: string }>({
      method: 'GET',
      path: `/${encodeURIComponent(pageId)}`,
      accessToken: viaToken,
      query: { fields: 'access_token' },
    });
    return res.data;
  }

  /** `GET /me/accounts` — Pages the user manages, with Page tokens and the linked Instagram account. */
  async listUserPages(userToken: string, query: { limit?: number; after?: string; fields?: string } = {}): Promise<GraphPage<UserPageWire>> {
    const res = await this.http.request<GraphPage<UserPageWire>>({
      method: 'GET',
      path: '/me/accounts',
      accessToken: userToken,
      query: { fields: query.fields ?? USER_PAGES_FIELDS, limit: query.limit, after: query.after },
    });
    return res.data;
  }

  iterateUserPages(userToken: string, query: { limit?: number; fields?: string } = {}): AsyncGenerator<UserPageWire> {
    return paginate((c) => this.listUserPages(userToken, { ...query, ...c }));
  }

  /** Instagram Login: authorization code (1 h, single use) → short-lived IG user token (`POST api.instagram.com/oauth/access_token`). */
  async exchangeInstagramCode(code: string, redirectUri: string): Promise<InstagramCodeExchangeResponse> {
    const { clientId, clientSecret } = this.http.credentials('instagram');
    const res = await this.http.request<InstagramCodeExchangeResponse | { data: InstagramCodeExchangeResponse[] }>({
      method: 'POST',
      host: 'instagram_oauth',
      path: '/oauth/access_token',
      versioned: false,
      form: { client_id: clientId, client_secret: clientSecret, grant_type: 'authorization_code', redirect_uri: redirectUri, code },
    });
    const data = res.data;
    const row = 'data' in data && Array.isArray(data.data) ? data.data[0] : (data as InstagramCodeExchangeResponse);
    if (!row?.access_token) throw new Error('Instagram code exchange returned no access_token');
    const permissions = row.permissions as unknown;
    return {
      access_token: row.access_token,
      user_id: String(row.user_id),
      permissions: typeof permissions === 'string' ? permissions.split(',') : Array.isArray(permissions) ? (permissions as string[]) : undefined,
    };
  }

  /** Short-lived → long-lived (60 days) IG user token: `GET graph.instagram.com/access_token?grant_type=ig_exchange_token`. */
  async exchangeInstagramLongLivedToken(shortLivedToken: string): Promise<AccessTokenResponse> {
    const { clientSecret } = this.http.credentials('instagram');
    const res = await this.http.request<AccessTokenResponse>({
      method: 'GET',
      host: 'instagram',
      path: '/access_token',
      versioned: false,
      accessToken: shortLivedToken,
      tokenPlacement: 'query',
      query: { grant_type: 'ig_exchange_token', client_secret: clientSecret },
    });
    return res.data;
  }

  /** Refresh a long-lived IG user token (≥ 24 h old, unexpired): `GET graph.instagram.com/refresh_access_token`. */
  async refreshInstagramToken(longLivedToken: string): Promise<AccessTokenResponse> {
    const res = await this.http.request<AccessTokenResponse>({
      method: 'GET',
      host: 'instagram',
      path: '/refresh_access_token',
      versioned: false,
      accessToken: longLivedToken,
      tokenPlacement: 'query',
      query: { grant_type: 'ig_refresh_token' },
    });
    return res.data;
  }
}
