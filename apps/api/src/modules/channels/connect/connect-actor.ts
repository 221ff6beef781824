import { AuthUser } from '../../../common/decorators/current-user.decorator';

/** Who connects: an admin (HTTP) or the system (sandbox / legacy env bootstrap). */
export interface ConnectActor {
  user: Pick<AuthUser, 'id' | 'email'> | null;
  ip?: string | null;
  source: 'facebook_login' | 'instagram_login' | 'paste_token' | 'bootstrap';
}
