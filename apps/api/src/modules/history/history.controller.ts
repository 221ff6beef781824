import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChannelHistoryDto, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { HistorySyncService } from './history-sync.service';

/** History import progress and gap recovery per channel (admins). */
@ApiTags('channels')
@ApiBearerAuth()
@Controller('channels')
export class HistoryController {
  constructor(private readonly history: HistorySyncService) {}

  @Get('history')
  @Roles(Role.ADMIN)
  @ApiOkResponse({ description: 'Import progress and the last gap recovery of every channel that has history state.' })
  list(): Promise<ChannelHistoryDto[]> {
    return this.history.list();
  }

  /** Re-subscribes the app if Meta dropped it and merges every message since the channel was last known complete; answers when done. */
  @Post(':id/recover')
  @HttpCode(200)
  @Roles(Role.ADMIN)
  recover(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ChannelHistoryDto> {
    return this.history.recoverNow(id, user);
  }
}
