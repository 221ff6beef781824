import { UserDto } from './users';

/** `POST /api/auth/login`. */
export interface LoginRequest {
  email: string;
  password: string;
}

/**
 * Answer of `POST /api/auth/login` and `POST /api/auth/refresh`. The access token is a short-lived
 * JWT sent as `Authorization: Bearer …`; the refresh token travels only in the httpOnly cookie
 * {@link REFRESH_COOKIE_NAME} (path `/`, SameSite=Strict) and rotates on every refresh.
 */
export interface SessionResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: UserDto;
}

export const REFRESH_COOKIE_NAME = 'tg_refresh';
/** Path `/` so the web app's route guard can see that a session exists; the token itself is only accepted by `/api/auth/refresh`. */
export const REFRESH_COOKIE_PATH = '/';
