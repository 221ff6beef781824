import { Injectable } from '@nestjs/common';
import { SessionResponse, UserDto } from '@ticklegram/domain-models';
import { AuthException, AuthExceptionCode } from '../../common/exceptions/auth.exception';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/entities/user.entity';
import { PasswordHasher } from '../users/password-hasher.service';
import { UserRepository } from '../users/repositories/user.repository';
import { toUserDto } from '../users/user.mapper';
import { AccessTokenService } from './access-token.service';
import { LoginAttemptLimiter } from './login-attempt-limiter';
import { ClientMeta, RefreshTokenService } from './refresh-token.service';

export interface IssuedSession {
  session: SessionResponse;
  refreshToken: string;
}

const INVALID_CREDENTIALS = 'Email or password is incorrect.';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly audit: AuditService,
    private readonly loginAttempts: LoginAttemptLimiter,
  ) {}

  async login(email: string, password: string, meta: ClientMeta): Promise<IssuedSession> {
    const attempt = await this.loginAttempts.begin(meta.ip ?? null, email);
    const user = await this.users.findByEmailWithPassword(email);
    const passwordOk = await this.hasher.verify(password, user?.passwordHash);
    // one generic answer for unknown email, wrong password and inactive account
    if (!user || !passwordOk || !user.active) {
      throw new AuthException(AuthExceptionCode.AUTH_INVALID_CREDENTIALS, INVALID_CREDENTIALS);
    }
    await attempt.succeeded();
    const loggedIn = await this.users.update(user.id, { lastLoginAt: new Date() });
    const { token } = await this.refreshTokens.issue(user.id, meta);
    await this.audit.record({ actor: { id: user.id, email: user.email }, action: 'auth.login', target: { type: 'user', id: user.id }, ip: meta.ip });
    return { session: await this.sessionFor(loggedIn), refreshToken: token };
  }

  async refresh(refreshToken: string | undefined, meta: ClientMeta): Promise<IssuedSession> {
    const rotated = refreshToken ? await this.refreshTokens.rotate(refreshToken, meta) : null;
    const user = rotated ? await this.users.findById(rotated.userId) : null;
    if (!rotated || !user || !user.active) {
      if (rotated) await this.refreshTokens.revoke(rotated.token);
      throw new AuthException(AuthExceptionCode.AUTH_SESSION_EXPIRED, 'Your session has ended. Please sign in again.');
    }
    return { session: await this.sessionFor(user), refreshToken: rotated.token };
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (refreshToken) await this.refreshTokens.revoke(refreshToken);
  }

  async me(userId: string): Promise<UserDto> {
    const user = await this.users.findById(userId);
    if (!user) throw new AuthException(AuthExceptionCode.AUTH_UNAUTHENTICATED, 'Please sign in.');
    return toUserDto(user);
  }

  private async sessionFor(user: UserEntity): Promise<SessionResponse> {
    const accessToken = await this.accessTokens.sign(user);
    return { accessToken, expiresIn: this.accessTokens.ttlSeconds, user: toUserDto(user) };
  }
}
