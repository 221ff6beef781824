import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConversationDto, ConversationStateResponse, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { AssignmentService } from './assignment.service';
import { AssignConversationRequestDto, UpdateConversationRequestDto } from './dto/assignment.request.dto';

@ApiTags('conversations')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('conversations')
export class AssignmentController {
  constructor(private readonly assignment: AssignmentService) {}

  /** One conversation (404 outside the caller's scope). */
  @Get(':id')
  @ApiOkResponse()
  async get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ConversationDto> {
    return (await this.assignment.state(await this.assignment.get(user, id))).conversation;
  }

  /** Admins assign anyone; agents take unassigned conversations and hand over their own. */
  @Post(':id/assign')
  @HttpCode(200)
  @ApiOkResponse()
  assign(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AssignConversationRequestDto,
    @Ip() ip: string,
  ): Promise<ConversationStateResponse> {
    return this.assignment.assign(user, id, body.assigneeId, ip);
  }

  @Patch(':id')
  @ApiOkResponse()
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateConversationRequestDto,
    @Ip() ip: string,
  ): Promise<ConversationStateResponse> {
    return this.assignment.updateStatus(user, id, body, ip);
  }
}
