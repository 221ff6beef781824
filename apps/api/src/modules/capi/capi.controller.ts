import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AttributionResponse, CapiEventDto, CapiEventListResponse, CapiSettingsDto, CapiSettingsListResponse, Role } from '@ticklegram/domain-models';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { attributionCsv } from './attribution.rules';
import { AttributionService } from './attribution.service';
import { CapiEventsService } from './capi-events.service';
import { CapiSettingsService } from './capi-settings.service';
import { UpdateCapiSettingsRequestDto } from './dto/capi-settings.request.dto';
import { AttributionQueryDto, CapiEventsQueryDto } from './dto/capi.query.dto';

/** Conversions API settings and event log (admins, audited). */
@ApiTags('conversions')
@ApiBearerAuth()
@Roles(Role.ADMIN)
@Controller('capi')
export class CapiController {
  constructor(
    private readonly settings: CapiSettingsService,
    private readonly events: CapiEventsService,
  ) {}

  @Get('settings')
  @ApiOkResponse()
  async listSettings(): Promise<CapiSettingsListResponse> {
    return { items: await this.settings.list() };
  }

  /** Dataset, test event code, a dedicated token (stored encrypted, never returned), on/off. */
  @Patch('settings/:channelId')
  @ApiOkResponse()
  updateSettings(
    @CurrentUser() user: AuthUser,
    @Param('channelId', new ParseUUIDPipe()) channelId: string,
    @Body() body: UpdateCapiSettingsRequestDto,
    @Ip() ip: string,
  ): Promise<CapiSettingsDto> {
    return this.settings.update(user, channelId, body, ip);
  }

  /** Asks Meta for the account's business-messaging dataset (`POST /{id}/dataset`: Meta creates it the first time) and uses it. */
  @Post('settings/:channelId/dataset')
  @HttpCode(200)
  @ApiOkResponse()
  connectDataset(@CurrentUser() user: AuthUser, @Param('channelId', new ParseUUIDPipe()) channelId: string, @Ip() ip: string): Promise<CapiSettingsDto> {
    return this.settings.connectDataset(user, channelId, ip);
  }

  @Get('events')
  @ApiOkResponse()
  listEvents(@Query() query: CapiEventsQueryDto): Promise<CapiEventListResponse> {
    return this.events.list(query);
  }

  /** Sends a failed (or uncertain) event again, with the same event_id. */
  @Post('events/:id/resend')
  @HttpCode(200)
  @ApiOkResponse()
  resend(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Ip() ip: string): Promise<CapiEventDto> {
    return this.events.resend(user, id, ip);
  }
}

/** Attribution per ad. No customer data in it, so agents may read it too. */
@ApiTags('conversions')
@ApiBearerAuth()
@Controller('attribution')
export class AttributionController {
  constructor(private readonly attribution: AttributionService) {}

  /** JSON, or `format=csv` for a spreadsheet (text/csv). */
  @Get()
  @Roles(Role.ADMIN, Role.AGENT)
  @ApiOkResponse()
  async report(@Query() query: AttributionQueryDto, @Res({ passthrough: true }) res: Response): Promise<AttributionResponse | string> {
    const report = await this.attribution.report(query);
    if (query.format !== 'csv') return report;
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="attribution-${report.from}-${report.to}.csv"`);
    return attributionCsv(report.rows);
  }
}
