import { Body, Controller, Delete, Get, HttpCode, Ip, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CannedResponseDto, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { CannedResponsesService } from './canned-responses.service';
import { CreateCannedResponseRequestDto, UpdateCannedResponseRequestDto } from './dto/canned-response.request.dto';

@ApiTags('canned-responses')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('canned-responses')
export class CannedResponsesController {
  constructor(private readonly cannedResponses: CannedResponsesService) {}

  @Get()
  @ApiOkResponse()
  list(): Promise<CannedResponseDto[]> {
    return this.cannedResponses.list();
  }

  @Post()
  @Roles(Role.ADMIN)
  @ApiOkResponse()
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateCannedResponseRequestDto, @Ip() ip: string): Promise<CannedResponseDto> {
    return this.cannedResponses.create(actor, body, ip);
  }

  @Patch(':id')
  @Roles(Role.ADMIN)
  @ApiOkResponse()
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateCannedResponseRequestDto,
    @Ip() ip: string,
  ): Promise<CannedResponseDto> {
    return this.cannedResponses.update(actor, id, body, ip);
  }

  @Delete(':id')
  @Roles(Role.ADMIN)
  @HttpCode(204)
  remove(@CurrentUser() actor: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Ip() ip: string): Promise<void> {
    return this.cannedResponses.remove(actor, id, ip);
  }
}
