import { Body, Controller, Delete, Get, HttpCode, Ip, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChannelDto, ConnectResultDto, FacebookLoginSelectionDto, MessagePlatform, OAuthStartResponse, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ChannelLifecycleService } from '../channels/channel-lifecycle.service';
import { ChannelsException, ChannelsExceptionCode } from '../channels/channels.exception';
import { ChannelsService } from '../channels/channels.service';
import { LoginDialogService } from '../channels/connect/login-dialog.service';
import { OAuthCompleteRequestDto, PasteTokenRequestDto, UpdateChannelRequestDto } from '../channels/dto/channel-requests.dto';
import { ConnectFacebookPagesRequestDto } from './dto/connect-facebook-pages.request.dto';
import { FacebookPageEntity } from './entities/facebook-page.entity';
import { FacebookConnectService } from './facebook-connect.service';
import { FacebookPageRepository } from './repositories/facebook-page.repository';

/**
 * Facebook Pages (and Instagram accounts through their Page): Facebook Login, pasted Page tokens,
 * disconnect, reconnect (admins).
 */
@ApiTags('channels')
@ApiBearerAuth()
@Roles(Role.ADMIN)
@Controller('facebook')
export class FacebookPagesController {
  constructor(
    private readonly connect: FacebookConnectService,
    private readonly dialogs: LoginDialogService,
    private readonly lifecycle: ChannelLifecycleService,
    private readonly channels: ChannelsService,
    private readonly pages: FacebookPageRepository,
  ) {}

  @Get('pages')
  async list(): Promise<ChannelDto[]> {
    return (await this.channels.list()).filter((c) => c.platform === MessagePlatform.FACEBOOK);
  }

  @Get('oauth/start')
  start(@CurrentUser() user: AuthUser): OAuthStartResponse {
    return this.dialogs.start(user.id, 'facebook');
  }

  /** Exchanges the code and lists the Pages (with linked Instagram accounts) the admin may connect. */
  @Post('oauth/complete')
  @HttpCode(200)
  complete(@CurrentUser() user: AuthUser, @Body() body: OAuthCompleteRequestDto): Promise<FacebookLoginSelectionDto> {
    return this.connect.completeFacebookLogin(user, body.code, body.state);
  }

  @Post('pages')
  @HttpCode(201)
  async connectSelection(@CurrentUser() user: AuthUser, @Body() body: ConnectFacebookPagesRequestDto, @Ip() ip: string): Promise<ConnectResultDto> {
    return { channels: await this.connect.connectSelection({ user, ip, source: 'facebook_login' }, body) };
  }

  @Post('pages/token')
  @HttpCode(201)
  async pasteToken(@CurrentUser() user: AuthUser, @Body() body: PasteTokenRequestDto, @Ip() ip: string): Promise<ConnectResultDto> {
    return { channels: await this.connect.connectPastedPageToken({ user, ip, source: 'paste_token' }, body.accessToken) };
  }

  @Post('pages/:id/reconnect')
  @HttpCode(200)
  async reconnect(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<OAuthStartResponse> {
    return this.lifecycle.reconnect(user, await this.find(id));
  }

  @Patch('pages/:id')
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateChannelRequestDto,
    @Ip() ip: string,
  ): Promise<ChannelDto> {
    return this.lifecycle.updateSettings({ user, ip, source: 'paste_token' }, await this.find(id), body);
  }

  @Delete('pages/:id')
  async disconnect(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Ip() ip: string): Promise<ChannelDto> {
    return this.lifecycle.disconnect({ user, ip, source: 'paste_token' }, await this.find(id));
  }

  private async find(id: string): Promise<FacebookPageEntity> {
    const page = await this.pages.findById(id);
    if (!page) throw new ChannelsException(ChannelsExceptionCode.CHANNELS_NOT_FOUND, 'This Facebook Page is not connected.');
    return page;
  }
}
