import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Role } from '@ticklegram/domain-models';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { UserRepository } from '../users/repositories/user.repository';

interface AccessClaims {
  sub: string;
  email: string;
  role: Role;
  /** The user's session version when the token was issued (absent in tokens from before it existed: 0). */
  sv?: number;
  exp: number;
}

/** A caller whose token is valid and whose account still stands as the token says. */
export interface AuthenticatedSession {
  /** As the database says now (role changes apply at once). */
  user: AuthUser;
  expiresAt: Date;
}

const ISSUER = 'ticklegram';
const AUDIENCE = 'ticklegram-api';

/** Signs and checks the short-lived access JWT. Shared by the HTTP guard and the socket handshake. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UserRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.auth.accessTtlSeconds;
  }

  sign(user: AuthUser & { sessionVersion: number }): Promise<string> {
    const claims: Omit<AccessClaims, 'exp'> = { sub: user.id, email: user.email, role: user.role, sv: user.sessionVersion };
    return this.jwt.signAsync(claims, {
      secret: this.config.auth.jwtSecret,
      expiresIn: this.ttlSeconds,
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithm: 'HS256',
    });
  }

  /**
   * The caller behind `token`, or null for a missing, malformed, tampered or expired token, an unknown
   * or deactivated account, or a token issued before the account's sessions were ended (password reset,
   * deactivation).
   */
  async authenticate(token: string | undefined | null): Promise<AuthenticatedSession | null> {
    const claims = await this.verify(token);
    if (!claims) return null;
    const user = await this.users.findById(claims.sub);
    if (!user || !user.active || user.sessionVersion !== (claims.sv ?? 0)) return null;
    return { user: { id: user.id, email: user.email, role: user.role }, expiresAt: new Date(claims.exp * 1000) };
  }

  private async verify(token: string | undefined | null): Promise<AccessClaims | null> {
    if (!token) return null;
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        secret: this.config.auth.jwtSecret,
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (typeof claims.sub !== 'string' || !Object.values(Role).includes(claims.role) || typeof claims.exp !== 'number') return null;
      return claims;
    } catch {
      return null;
    }
  }
}
