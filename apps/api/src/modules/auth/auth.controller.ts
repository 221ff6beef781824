import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH, Role, SessionResponse, UserDto } from '@ticklegram/domain-models';
import type { CookieOptions, Request, Response } from 'express';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { UserResponseDto } from '../users/dto/user.response.dto';
import { AuthService, IssuedSession } from './auth.service';
import { LoginRequestDto } from './dto/login.request.dto';
import { SessionResponseDto } from './dto/session.response.dto';
import { ClientMeta } from './refresh-token.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throttled per trusted client IP + email and per email (LoginAttemptLimiter); successful sign-ins are not counted. */
  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponseDto })
  async login(@Body() body: LoginRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    return this.withCookie(res, await this.auth.login(body.email, body.password, this.meta(req)));
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponseDto })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    try {
      return this.withCookie(res, await this.auth.refresh(this.cookie(req), this.meta(req)));
    } catch (error) {
      res.clearCookie(REFRESH_COOKIE_NAME, this.cookieOptions());
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(this.cookie(req));
    res.clearCookie(REFRESH_COOKIE_NAME, this.cookieOptions());
  }

  @ApiBearerAuth()
  @Roles(Role.ADMIN, Role.AGENT)
  @Get('me')
  @ApiOkResponse({ type: UserResponseDto })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.auth.me(user.id);
  }

  private withCookie(res: Response, issued: IssuedSession): SessionResponse {
    res.cookie(REFRESH_COOKIE_NAME, issued.refreshToken, { ...this.cookieOptions(), maxAge: this.config.auth.refreshTtlDays * 24 * 3600 * 1000 });
    res.setHeader('Cache-Control', 'no-store');
    return issued.session;
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', secure: this.config.http.cookieSecure, path: REFRESH_COOKIE_PATH };
  }

  private cookie(req: Request): string | undefined {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE_NAME];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  }

  private meta(req: Request): ClientMeta {
    return { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
  }
}
