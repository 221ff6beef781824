import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChannelDto, Role } from '@ticklegram/domain-models';
import { Roles } from '../../common/decorators/roles.decorator';
import { ChannelMaintenanceService } from './channel-maintenance.service';
import { ChannelsException, ChannelsExceptionCode } from './channels.exception';
import { ChannelsService } from './channels.service';
import { ChannelPlatforms } from './channel-platforms';

/** Every channel with its health; readable by any signed-in user (agents see what they answer for). */
@ApiTags('channels')
@ApiBearerAuth()
@Controller('channels')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly maintenance: ChannelMaintenanceService,
    private readonly platforms: ChannelPlatforms,
  ) {}

  @Get()
  @Roles(Role.ADMIN, Role.AGENT)
  @ApiOkResponse({ description: 'All channels with health. Never contains tokens.' })
  list(): Promise<ChannelDto[]> {
    return this.channels.list();
  }

  /** Checks the token and webhook subscription of one channel now (admins), instead of waiting for the periodic check. */
  @Post(':id/check')
  @HttpCode(200)
  @Roles(Role.ADMIN)
  async check(@Param('id', new ParseUUIDPipe()) id: string): Promise<ChannelDto> {
    const channel = await this.platforms.findById(id);
    if (!channel) throw new ChannelsException(ChannelsExceptionCode.CHANNELS_NOT_FOUND, 'This channel does not exist.');
    await this.maintenance.checkChannel(channel);
    const fresh = await this.platforms.findById(id);
    return this.channels.toDto(fresh ?? channel);
  }
}
