import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { RolesGuard } from '../../common/guards/roles.guard';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { UsersModule } from '../users/users.module';
import { AccessTokenService } from './access-token.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { LOGIN_ACCOUNT_THROTTLER, LOGIN_THROTTLER, LoginThrottlerGuard } from './login-throttler.guard';
import { RefreshTokenService } from './refresh-token.service';

@Module({
  imports: [
    UsersModule,
    TypeOrmModule.forFeature([RefreshTokenEntity]),
    JwtModule.register({}),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: LOGIN_THROTTLER, ttl: config.auth.loginThrottle.ttlSeconds * 1000, limit: config.auth.loginThrottle.limit },
          { name: LOGIN_ACCOUNT_THROTTLER, ttl: config.auth.loginThrottle.accountTtlSeconds * 1000, limit: config.auth.loginThrottle.accountLimit },
        ],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AccessTokenService,
    RefreshTokenService,
    AuthService,
    LoginThrottlerGuard,
    // order matters: authentication first, then roles
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AccessTokenService, RefreshTokenService],
})
export class AuthModule {}
