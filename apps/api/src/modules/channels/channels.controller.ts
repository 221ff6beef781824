import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChannelDto } from '@ticklegram/domain-models';
import { ChannelsService } from './channels.service';

/** Every channel with its health; readable by any signed-in user (agents see what they answer for). */
@ApiTags('channels')
@ApiBearerAuth()
@Controller('channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  @ApiOkResponse({ description: 'All channels with health. Never contains tokens.' })
  list(): Promise<ChannelDto[]> {
    return this.channels.list();
  }
}
