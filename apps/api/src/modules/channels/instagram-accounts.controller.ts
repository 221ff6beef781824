import { Body, Controller, Delete, Get, HttpCode, Ip, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChannelDto, ConnectResultDto, MessagePlatform, OAuthStartResponse, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ChannelConnectService } from './channel-connect.service';
import { ChannelsException, ChannelsExceptionCode } from './channels.exception';
import { ChannelsService } from './channels.service';
import { OAuthCompleteRequestDto, PasteTokenRequestDto, UpdateChannelRequestDto } from './dto/channel-requests.dto';
import { ChannelRepository } from './repositories/channel.repository';

/** Instagram professional accounts: Instagram Login, pasted tokens, disconnect, reconnect (admins). */
@ApiTags('channels')
@ApiBearerAuth()
@Roles(Role.ADMIN)
@Controller('instagram')
export class InstagramAccountsController {
  constructor(
    private readonly connect: ChannelConnectService,
    private readonly service: ChannelsService,
    private readonly channels: ChannelRepository,
  ) {}

  @Get('accounts')
  async list(): Promise<ChannelDto[]> {
    return (await this.service.list()).filter((c) => c.platform === MessagePlatform.INSTAGRAM);
  }

  @Get('oauth/start')
  start(@CurrentUser() user: AuthUser): OAuthStartResponse {
    return this.connect.startOAuth(user, 'instagram');
  }

  @Post('oauth/complete')
  @HttpCode(201)
  async complete(@CurrentUser() user: AuthUser, @Body() body: OAuthCompleteRequestDto, @Ip() ip: string): Promise<ConnectResultDto> {
    return { channels: await this.connect.completeInstagramLogin({ user, ip, source: 'instagram_login' }, body.code, body.state) };
  }

  @Post('accounts/token')
  @HttpCode(201)
  async pasteToken(@CurrentUser() user: AuthUser, @Body() body: PasteTokenRequestDto, @Ip() ip: string): Promise<ConnectResultDto> {
    return { channels: await this.connect.connectPastedInstagramToken({ user, ip, source: 'paste_token' }, body.accessToken) };
  }

  @Post('accounts/:id/reconnect')
  @HttpCode(200)
  async reconnect(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<OAuthStartResponse> {
    return this.connect.reconnect(user, await this.find(id));
  }

  @Patch('accounts/:id')
  async update(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateChannelRequestDto, @Ip() ip: string): Promise<ChannelDto> {
    return this.connect.updateSettings({ user, ip, source: 'paste_token' }, await this.find(id), body);
  }

  @Delete('accounts/:id')
  async disconnect(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Ip() ip: string): Promise<ChannelDto> {
    return this.connect.disconnect({ user, ip, source: 'paste_token' }, await this.find(id));
  }

  private async find(id: string) {
    const account = await this.channels.findInstagram(id);
    if (!account) throw new ChannelsException(ChannelsExceptionCode.CHANNELS_NOT_FOUND, 'This Instagram account is not connected.');
    return account;
  }
}
