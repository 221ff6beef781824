import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { RolesGuard } from '../../common/guards/roles.guard';
import { UsersModule } from '../users/users.module';
import { AccessTokenService } from './access-token.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { LoginAttemptLimiter } from './login-attempt-limiter';
import { RefreshTokenRevoker } from './refresh-token-revoker';
import { RefreshTokenService } from './refresh-token.service';

@Module({
  imports: [UsersModule, TypeOrmModule.forFeature([RefreshTokenEntity]), JwtModule.register({})],
  controllers: [AuthController],
  providers: [
    AccessTokenService,
    RefreshTokenService,
    AuthService,
    LoginAttemptLimiter,
    RefreshTokenRevoker,
    // order matters: authentication first, then roles
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AccessTokenService, RefreshTokenService],
})
export class AuthModule {}
