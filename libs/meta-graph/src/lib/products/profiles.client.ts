import { GraphHttpClient } from '../core/graph-http.client';
import { GraphAuth } from './graph-auth';
import { hostOf } from './messaging.client';

/** User Profile APIs (customers by IGSID / PSID) and our own account nodes. */

export interface InstagramUserProfileWire {
  id: string;
  name?: string;
  username?: string;
  profile_pic?: string;
  follower_count?: number;
  is_user_follow_business?: boolean;
  is_business_follow_user?: boolean;
  is_verified_user?: boolean;
}

export interface MessengerUserProfileWire {
  id: string;
  name?: string;
  first_name?: string;
  last_name?: string;
  profile_pic?: string;
  locale?: string;
  timezone?: number;
}

export interface InstagramAccountWire {
  id: string;
  /** With Instagram Login, the IG professional account id used in webhooks. */
  user_id?: string;
  username?: string;
  name?: string;
  profile_picture_url?: string;
  followers_count?: number;
  media_count?: number;
  account_type?: string;
}

export const IG_PROFILE_FIELDS = 'id,name,username,profile_pic,follower_count,is_user_follow_business,is_business_follow_user,is_verified_user';
export const MESSENGER_PROFILE_FIELDS = 'id,name,first_name,last_name,profile_pic';
export const IG_ACCOUNT_FIELDS = 'id,username,name,profile_picture_url,followers_count,media_count';

export class ProfilesClient {
  constructor(private readonly http: GraphHttpClient) {}

  /** `GET /<IGSID>` — customer profile (username may be withheld without instagram_manage_comments). */
  getInstagramUserProfile(auth: GraphAuth, igsid: string, fields = IG_PROFILE_FIELDS): Promise<InstagramUserProfileWire> {
    return this.get(auth, `/${encodeURIComponent(igsid)}`, fields, 'instagram');
  }

  /** `GET /<PSID>` — Messenger customer profile. */
  getMessengerUserProfile(auth: GraphAuth, psid: string, fields = MESSENGER_PROFILE_FIELDS): Promise<MessengerUserProfileWire> {
    return this.get(auth, `/${encodeURIComponent(psid)}`, fields, 'messenger');
  }

  /** `GET /<IG_ID>` — the connected professional account. */
  getInstagramAccount(auth: GraphAuth, igUserId: string, fields = IG_ACCOUNT_FIELDS): Promise<InstagramAccountWire> {
    return this.get(auth, `/${encodeURIComponent(igUserId)}`, fields, 'instagram');
  }

  /** `GET /me` — whoever the token belongs to (Page, user, or with Instagram Login `fields=user_id,username`). */
  getMe<T extends { id: string } = { id: string; name?: string; user_id?: string; username?: string }>(auth: GraphAuth, fields = 'id,name'): Promise<T> {
    return this.get<T>(auth, '/me', fields);
  }

  private async get<T>(auth: GraphAuth, path: string, fields: string, platform?: 'instagram' | 'messenger'): Promise<T> {
    const res = await this.http.request<T>({
      method: 'GET',
      host: hostOf(auth),
      path,
      accessToken: auth.accessToken,
      query: { fields },
      accountKey: auth.accountKey,
      platform,
    });
    return res.data;
  }
}
