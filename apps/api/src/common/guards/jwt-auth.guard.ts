import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthUser } from '../decorators/current-user.decorator';
import { IS_PUBLIC_KEY } from '../decorators/public.decorator';
import { AuthException, AuthExceptionCode } from '../exceptions/auth.exception';
import { AccessTokenService } from '../../modules/auth/access-token.service';

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/**
 * Global: every route requires a valid access token unless marked `@Public()`. The user is re-read so
 * that deactivation, role changes and ended sessions (password reset) take effect at once, not when
 * the token expires.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const session = await this.accessTokens.authenticate(bearerToken(request.headers.authorization));
    if (!session) throw new AuthException(AuthExceptionCode.AUTH_UNAUTHENTICATED, 'Please sign in again: your session is missing, expired or was ended.');
    request.user = session.user;
    return true;
  }
}
