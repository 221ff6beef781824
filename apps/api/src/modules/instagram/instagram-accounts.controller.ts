import { Body, Controller, Delete, Get, HttpCode, Ip, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChannelDto, ConnectResultDto, MessagePlatform, OAuthStartResponse, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ChannelLifecycleService } from '../channels/channel-lifecycle.service';
import { ChannelsException, ChannelsExceptionCode } from '../channels/channels.exception';
import { ChannelsService } from '../channels/channels.service';
import { LoginDialogService } from '../channels/connect/login-dialog.service';
import { OAuthCompleteRequestDto, PasteTokenRequestDto, UpdateChannelRequestDto } from '../channels/dto/channel-requests.dto';
import { InstagramAccountEntity } from './entities/instagram-account.entity';
import { InstagramConnectService } from './instagram-connect.service';
import { InstagramAccountRepository } from './repositories/instagram-account.repository';

/** Instagram professional accounts: Instagram Login, pasted tokens, disconnect, reconnect (admins). */
@ApiTags('channels')
@ApiBearerAuth()
@Roles(Role.ADMIN)
@Controller('instagram')
export class InstagramAccountsController {
  constructor(
    private readonly connect: InstagramConnectService,
    private readonly dialogs: LoginDialogService,
    private readonly lifecycle: ChannelLifecycleService,
    private readonly channels: ChannelsService,
    private readonly accounts: InstagramAccountRepository,
  ) {}

  @Get('accounts')
  async list(): Promise<ChannelDto[]> {
    return (await this.channels.list()).filter((c) => c.platform === MessagePlatform.INSTAGRAM);
  }

  @Get('oauth/start')
  start(@CurrentUser() user: AuthUser): OAuthStartResponse {
    return this.dialogs.start(user.id, 'instagram');
  }

  @Post('oauth/complete')
  @HttpCode(201)
  async complete(@CurrentUser() user: AuthUser, @Body() body: OAuthCompleteRequestDto, @Ip() ip: string): Promise<ConnectResultDto> {
    return { channels: await this.connect.completeInstagramLogin({ user, ip, source: 'instagram_login' }, body.code, body.state) };
  }

  @Post('accounts/token')
  @HttpCode(201)
  async pasteToken(@CurrentUser() user: AuthUser, @Body() body: PasteTokenRequestDto, @Ip() ip: string): Promise<ConnectResultDto> {
    return { channels: await this.connect.connectPastedToken({ user, ip, source: 'paste_token' }, body.accessToken) };
  }

  @Post('accounts/:id/reconnect')
  @HttpCode(200)
  async reconnect(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<OAuthStartResponse> {
    return this.lifecycle.reconnect(user, await this.find(id));
  }

  @Patch('accounts/:id')
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateChannelRequestDto,
    @Ip() ip: string,
  ): Promise<ChannelDto> {
    return this.lifecycle.updateSettings({ user, ip, source: 'paste_token' }, await this.find(id), body);
  }

  @Delete('accounts/:id')
  async disconnect(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Ip() ip: string): Promise<ChannelDto> {
    return this.lifecycle.disconnect({ user, ip, source: 'paste_token' }, await this.find(id));
  }

  private async find(id: string): Promise<InstagramAccountEntity> {
    const account = await this.accounts.findById(id);
    if (!account) throw new ChannelsException(ChannelsExceptionCode.CHANNELS_NOT_FOUND, 'This Instagram account is not connected.');
    return account;
  }
}
