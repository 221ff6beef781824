import { Body, Controller, Get, Ip, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OutcomeDto, OutcomeListResponse, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { RecordOutcomeRequestDto } from './dto/outcome.request.dto';
import { OutcomesService } from './outcomes.service';

/** Outcomes on a conversation: whoever may see the conversation may list and record them. */
@ApiTags('conversions')
@ApiBearerAuth()
@Controller('conversations/:id/outcomes')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Get()
  @Roles(Role.ADMIN, Role.AGENT)
  @ApiOkResponse()
  async list(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<OutcomeListResponse> {
    return { items: await this.outcomes.list(user, id) };
  }

  /** Records a lead, qualified lead, purchase (value + currency) or another of Meta's events; it is reported to Meta in the background. */
  @Post()
  @Roles(Role.ADMIN, Role.AGENT)
  @ApiOkResponse()
  record(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordOutcomeRequestDto,
    @Ip() ip: string,
  ): Promise<OutcomeDto> {
    return this.outcomes.record(user, id, body, ip);
  }
}
