import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountInsightsResponse, InsightSyncStatusDto, MediaInsightsResponse, Role, StoryInsightsResponse } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { AuditService } from '../audit/audit.service';
import { InsightsRangeQueryDto, InsightsSyncRequestDto, MediaInsightsQueryDto, StoryInsightsQueryDto } from './dto/insights-queries.dto';
import { InsightsSyncService } from './insights-sync.service';
import { InsightsService } from './insights.service';

/** Instagram insights from our snapshots. Admins and agents read them; only admins start a sync. */
@ApiTags('insights')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('insights')
export class InsightsController {
  constructor(
    private readonly insights: InsightsService,
    private readonly sync: InsightsSyncService,
    private readonly audit: AuditService,
  ) {}

  @Get('sync')
  @ApiOkResponse({ description: 'Every connected Instagram account with its sync state, progress and last sync' })
  statuses(): Promise<InsightSyncStatusDto[]> {
    return this.insights.statuses();
  }

  @Post('sync')
  @Roles(Role.ADMIN)
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The syncs started (running in the background); their statuses' })
  async startSync(@CurrentUser() actor: AuthUser, @Body() body: InsightsSyncRequestDto, @Ip() ip: string): Promise<InsightSyncStatusDto[]> {
    const statuses = await this.sync.requestSync(body.channelId);
    await this.audit.record({
      actor,
      action: 'insights.sync_requested',
      target: body.channelId ? { type: 'instagram_account', id: body.channelId } : undefined,
      details: { accounts: statuses.length },
      ip,
    });
    return statuses;
  }

  @Get('accounts/:channelId')
  @ApiOkResponse({ description: 'Daily metric series for the range with totals and the change against the previous range' })
  account(@Param('channelId', new ParseUUIDPipe()) channelId: string, @Query() query: InsightsRangeQueryDto): Promise<AccountInsightsResponse> {
    return this.insights.accountInsights(channelId, query.from, query.to);
  }

  @Get('media')
  @ApiOkResponse({ description: 'Posts, reels and carousels with their lifetime metrics, sortable' })
  media(@Query() query: MediaInsightsQueryDto): Promise<MediaInsightsResponse> {
    return this.insights.mediaInsights(query);
  }

  @Get('stories')
  @ApiOkResponse({ description: 'Stories with the metrics fetched while live or reported by the story_insights webhook' })
  stories(@Query() query: StoryInsightsQueryDto): Promise<StoryInsightsResponse> {
    return this.insights.storyInsights(query);
  }
}
