import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Role } from '@ticklegram/domain-models';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuthUser } from '../../common/decorators/current-user.decorator';

interface AccessClaims {
  sub: string;
  email: string;
  role: Role;
}

const ISSUER = 'ticklegram';
const AUDIENCE = 'ticklegram-api';

/** Signs and verifies the short-lived access JWT. Shared by the HTTP guard and the socket handshake. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.auth.accessTtlSeconds;
  }

  sign(user: AuthUser): Promise<string> {
    const claims: AccessClaims = { sub: user.id, email: user.email, role: user.role };
    return this.jwt.signAsync(claims, { secret: this.config.auth.jwtSecret, expiresIn: this.ttlSeconds, issuer: ISSUER, audience: AUDIENCE, algorithm: 'HS256' });
  }

  /** Returns the caller, or null for a missing, malformed, tampered or expired token. */
  async verify(token: string | undefined | null): Promise<AuthUser | null> {
    if (!token) return null;
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { secret: this.config.auth.jwtSecret, issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || !Object.values(Role).includes(claims.role)) return null;
      return { id: claims.sub, email: claims.email, role: claims.role };
    } catch {
      return null;
    }
  }
}
