import { Body, Controller, Get, HttpCode, Ip, Param, ParseEnumPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { ANALYTICS_TABLES, AnalyticsOverviewResponse, AnalyticsRebuildResponse, AnalyticsSettingsDto, AnalyticsTable, Role } from '@ticklegram/domain-models';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { AuditService } from '../audit/audit.service';
import { overviewCsv } from './analytics-csv';
import { AnalyticsProjector } from './analytics-projector.service';
import { AnalyticsService } from './analytics.service';
import { AnalyticsQueryDto, AnalyticsSettingsRequestDto } from './dto/analytics-queries.dto';

const TABLE_KEYS: Record<Exclude<AnalyticsTable, 'overview'>, keyof AnalyticsOverviewResponse> = {
  volume: 'volume',
  agents: 'agents',
  channels: 'channels',
  'frt-distribution': 'frtDistribution',
  heatmap: 'heatmap',
};
const SUB_TABLES = ANALYTICS_TABLES.filter((t) => t !== 'overview') as Exclude<AnalyticsTable, 'overview'>[];

/** Team analytics over the rollups. Admins see everything; agents their own numbers and the team totals. */
@ApiTags('analytics')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly projector: AnalyticsProjector,
    private readonly audit: AuditService,
  ) {}

  @Get('overview')
  @ApiOkResponse({ description: 'Every figure for the range (JSON), or the summary table as text/csv with format=csv' })
  async overview(
    @CurrentUser() caller: AuthUser,
    @Query() query: AnalyticsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AnalyticsOverviewResponse | string> {
    const overview = await this.analytics.overview(caller, query);
    return query.format === 'csv' ? this.csv(res, 'overview', overview) : overview;
  }

  @Get('settings')
  @Roles(Role.ADMIN)
  @ApiOkResponse({ description: 'Business hours of the workspace' })
  settings(): Promise<AnalyticsSettingsDto> {
    return this.analytics.settings();
  }

  @Put('settings')
  @Roles(Role.ADMIN)
  @ApiOkResponse({ description: 'Saved; the rollups are rebuilt with the new business hours before this answers' })
  async saveSettings(@CurrentUser() actor: AuthUser, @Body() body: AnalyticsSettingsRequestDto, @Ip() ip: string): Promise<AnalyticsSettingsDto> {
    const saved = await this.analytics.saveSettings(body.businessHours ?? null, actor.id);
    await this.projector.rebuild();
    await this.audit.record({ actor, action: 'analytics.settings_updated', details: { businessHours: saved.businessHours }, ip });
    return saved;
  }

  @Post('rebuild')
  @Roles(Role.ADMIN)
  @HttpCode(200)
  @ApiOkResponse({ description: 'Every conversation recomputed from the source tables' })
  async rebuild(@CurrentUser() actor: AuthUser, @Ip() ip: string): Promise<AnalyticsRebuildResponse> {
    const conversations = await this.projector.rebuild();
    await this.audit.record({ actor, action: 'analytics.rebuilt', details: { conversations }, ip });
    return { conversations, rebuiltAt: new Date().toISOString() };
  }

  @Get(':table')
  @ApiParam({ name: 'table', enum: SUB_TABLES })
  @ApiOkResponse({ description: 'One table of the overview (JSON array), or text/csv with format=csv' })
  async table(
    @CurrentUser() caller: AuthUser,
    @Param('table', new ParseEnumPipe(Object.fromEntries(SUB_TABLES.map((t) => [t, t])))) table: Exclude<AnalyticsTable, 'overview'>,
    @Query() query: AnalyticsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const overview = await this.analytics.overview(caller, query);
    return query.format === 'csv' ? this.csv(res, table, overview) : overview[TABLE_KEYS[table]];
  }

  private csv(res: Response, table: AnalyticsTable, overview: AnalyticsOverviewResponse): string {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="analytics-${table}-${overview.range.from}-${overview.range.to}.csv"`);
    return overviewCsv(table, overview);
  }
}
