import { Body, Controller, Delete, Get, HttpCode, Ip, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LibraryTemplateListResponse, MessageTemplateDto, Role, TemplateListResponse, TemplateSyncResponse } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { LibraryQueryDto, TemplateListQueryDto } from './dto/template.query.dto';
import { CloneLibraryTemplateRequestDto, CreateTemplateRequestDto, UpdateTemplateRequestDto } from './dto/template.request.dto';
import { TemplateLibraryService } from './template-library.service';
import { TemplateSyncService } from './template-sync.service';
import { TemplatesService } from './templates.service';

/** Utility message templates. Agents read approved ones; everything else is for admins (audited). */
@ApiTags('templates')
@ApiBearerAuth()
@Roles(Role.ADMIN)
@Controller('templates')
export class TemplatesController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly library: TemplateLibraryService,
    private readonly sync: TemplateSyncService,
  ) {}

  @Get()
  @Roles(Role.ADMIN, Role.AGENT)
  @ApiOkResponse()
  async list(@CurrentUser() user: AuthUser, @Query() query: TemplateListQueryDto): Promise<TemplateListResponse> {
    return { items: await this.templates.list(user, query) };
  }

  /** Meta's pre-approved utility templates (read with a connected Page's token). */
  @Get('library')
  @ApiOkResponse()
  async libraryList(@Query() query: LibraryQueryDto): Promise<LibraryTemplateListResponse> {
    return { items: await this.library.list(query) };
  }

  @Post('clone')
  @ApiOkResponse()
  clone(@CurrentUser() user: AuthUser, @Body() body: CloneLibraryTemplateRequestDto, @Ip() ip: string): Promise<MessageTemplateDto> {
    return this.library.clone(user, body, ip);
  }

  /** Reads every connected Page's templates from Meta now (the poll does it every few minutes). */
  @Post('sync')
  @HttpCode(200)
  @ApiOkResponse()
  syncNow(): Promise<TemplateSyncResponse> {
    return this.sync.syncAll();
  }

  @Get(':id')
  @Roles(Role.ADMIN, Role.AGENT)
  @ApiOkResponse()
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<MessageTemplateDto> {
    return this.templates.get(user, id);
  }

  /** Saves a draft (validated against Meta's rules); `submit: true` also sends it for review. */
  @Post()
  @ApiOkResponse()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateTemplateRequestDto, @Ip() ip: string): Promise<MessageTemplateDto> {
    return this.templates.create(user, body, ip);
  }

  @Patch(':id')
  @ApiOkResponse()
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateTemplateRequestDto,
    @Ip() ip: string,
  ): Promise<MessageTemplateDto> {
    return this.templates.update(user, id, body, ip);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse()
  submit(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Ip() ip: string): Promise<MessageTemplateDto> {
    return this.templates.submit(user, id, ip);
  }

  /** Deletes it here and on Meta (that language only). */
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Ip() ip: string): Promise<void> {
    return this.templates.remove(user, id, ip);
  }
}
