import { Injectable, OnModuleInit } from '@nestjs/common';
import { UserAccessEvents } from '../users/user-access-events';
import { RefreshTokenService } from './refresh-token.service';

/** When an account's sessions end (password reset, deactivation), no refresh token of it works any more. */
@Injectable()
export class RefreshTokenRevoker implements OnModuleInit {
  constructor(
    private readonly accessEvents: UserAccessEvents,
    private readonly refreshTokens: RefreshTokenService,
  ) {}

  onModuleInit(): void {
    this.accessEvents.subscribe(async ({ userId, sessionsEnded }) => {
      if (sessionsEnded) await this.refreshTokens.revokeAllForUser(userId);
    });
  }
}
