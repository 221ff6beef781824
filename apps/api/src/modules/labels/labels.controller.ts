import { Body, Controller, Delete, Get, HttpCode, Ip, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LabelDto, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { CreateLabelRequestDto, UpdateLabelRequestDto } from './dto/label.request.dto';
import { LabelsService } from './labels.service';

@ApiTags('labels')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('labels')
export class LabelsController {
  constructor(private readonly labels: LabelsService) {}

  @Get()
  @ApiOkResponse()
  list(): Promise<LabelDto[]> {
    return this.labels.list();
  }

  @Post()
  @Roles(Role.ADMIN)
  @ApiOkResponse()
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateLabelRequestDto, @Ip() ip: string): Promise<LabelDto> {
    return this.labels.create(actor, body, ip);
  }

  @Patch(':id')
  @Roles(Role.ADMIN)
  @ApiOkResponse()
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateLabelRequestDto,
    @Ip() ip: string,
  ): Promise<LabelDto> {
    return this.labels.update(actor, id, body, ip);
  }

  @Delete(':id')
  @Roles(Role.ADMIN)
  @HttpCode(204)
  remove(@CurrentUser() actor: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Ip() ip: string): Promise<void> {
    return this.labels.remove(actor, id, ip);
  }
}
