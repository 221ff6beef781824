import { Body, Controller, Get, Ip, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AssignmentSettingsDto, OnlineUsersResponse, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { PresenceService } from '../realtime/presence.service';
import { AssignmentSettingsService } from './assignment-settings.service';
import { AssignmentSettingsRequestDto } from './dto/assignment.request.dto';

@ApiTags('settings')
@ApiBearerAuth()
@Controller()
export class AssignmentSettingsController {
  constructor(
    private readonly settings: AssignmentSettingsService,
    private readonly presence: PresenceService,
  ) {}

  @Get('settings/assignment')
  @Roles(Role.ADMIN)
  @ApiOkResponse()
  get(): Promise<AssignmentSettingsDto> {
    return this.settings.get();
  }

  @Put('settings/assignment')
  @Roles(Role.ADMIN)
  @ApiOkResponse()
  update(@CurrentUser() user: AuthUser, @Body() body: AssignmentSettingsRequestDto, @Ip() ip: string): Promise<AssignmentSettingsDto> {
    return this.settings.update(user, body, ip);
  }

  /** Teammates with at least one connected socket (to this api process). */
  @Get('presence/online')
  @Roles(Role.ADMIN, Role.AGENT)
  @ApiOkResponse()
  async online(): Promise<OnlineUsersResponse> {
    return { users: (await this.presence.onlineUsers()).map(({ userId, name }) => ({ userId, name })) };
  }
}
