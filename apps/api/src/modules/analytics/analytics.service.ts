import { Injectable } from '@nestjs/common';
import { AnalyticsOverviewResponse, AnalyticsSettingsDto, BusinessHoursDto, Role } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { RequestValidationException } from '../../common/pipes/validation.pipe';
import { ChannelsService } from '../channels/channels.service';
import { CommentStatsRepository } from '../comments/repositories/comment-stats.repository';
import { ConversationFactsRepository } from '../inbox/repositories/conversation-facts.repository';
import { PresenceService } from '../realtime/presence.service';
import { UserRepository } from '../users/repositories/user.repository';
import { AnalyticsException, AnalyticsExceptionCode } from './analytics.exception';
import { localDayShifts } from './calculators/local-days';
import { agentRowsOf, channelRowsOf, cycleFiguresOf, heatmapOf, summaryOf, volumeOf } from './calculators/overview';
import { frtDistribution } from './calculators/statistics';
import { rangeOf } from './calculators/time-zone';
import { AnalyticsQueryDto } from './dto/analytics-queries.dto';
import { AnalyticsQueryRepository, RollupFilter } from './repositories/analytics-query.repository';
import { AnalyticsRollupRepository } from './repositories/analytics-rollup.repository';

const MAX_DAYS = 366;

/** The overview: rollups for the range and filters, the caller's scope applied (docs/analytics.md). */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly rollups: AnalyticsQueryRepository,
    private readonly store: AnalyticsRollupRepository,
    private readonly facts: ConversationFactsRepository,
    private readonly comments: CommentStatsRepository,
    private readonly users: UserRepository,
    private readonly channels: ChannelsService,
    private readonly presence: PresenceService,
  ) {}

  async overview(caller: AuthUser, query: AnalyticsQueryDto): Promise<AnalyticsOverviewResponse> {
    const tz = query.tz ?? 'UTC';
    if (query.to < query.from) throw new RequestValidationException([{ field: 'to', messages: ['to must not be before from'] }]);
    const { start, end } = rangeOf(query.from, query.to, tz);
    if ((Date.parse(`${query.to}T00:00:00Z`) - Date.parse(`${query.from}T00:00:00Z`)) / 86_400_000 + 1 > MAX_DAYS) {
      throw new RequestValidationException([{ field: 'to', messages: [`the range may span at most ${MAX_DAYS} days`] }]);
    }
    const settings = await this.store.getSettings();
    const businessHours = query.businessHours === true;
    if (businessHours && !settings?.businessHours)
      throw new RequestValidationException([{ field: 'businessHours', messages: ['business hours are not configured (Analytics settings)'] }]);
    const isAdmin = caller.role === Role.ADMIN;
    if (!isAdmin && query.agentId && query.agentId !== caller.id) {
      throw new AnalyticsException(AnalyticsExceptionCode.ANALYTICS_AGENT_SCOPE, 'Agents see their own numbers and the team totals only.');
    }
    const team: RollupFilter = { start, end, channelId: query.channelId, platform: query.platform, labelId: query.labelId };
    const agentId = isAdmin ? query.agentId : caller.id;
    const own: RollupFilter = { ...team, agentId };
    const comments = (filter: RollupFilter) =>
      this.comments.stats({ start, end, channelId: filter.channelId, platform: filter.platform, assigneeId: filter.agentId });

    const shifts = localDayShifts(query.from, query.to, tz);
    // the team's cycles and (channel, assignee) sums are read once, per pair; the caller's own are the pairs of their agent
    const [teamOpened, teamResolved, hours, teamPairs, commentFigures, teamComments, users, channels, live, online] = await Promise.all([
      this.rollups.cycleGroups(team, 'opened', businessHours, shifts),
      this.rollups.cycleGroups(team, 'resolved', businessHours, shifts),
      this.rollups.hourSums(own, shifts),
      this.rollups.pairSums(team),
      comments(own),
      agentId ? comments(team) : null,
      this.users.listActiveTeammates(),
      this.channels.list(),
      this.facts.live(caller),
      this.presence.onlineUsers(),
    ]);
    const mine = <T extends { assigneeId?: string | null }>(rows: T[]): T[] => (agentId ? rows.filter((r) => r.assigneeId === agentId) : rows);
    const opened = mine(teamOpened);
    const resolved = mine(teamResolved);
    const pairs = mine(teamPairs);
    const cycles = cycleFiguresOf(opened, resolved);
    const summary = summaryOf(cycles, hours, commentFigures);
    const teamSummary = teamComments ? summaryOf(cycleFiguresOf(teamOpened, teamResolved), teamPairs, teamComments) : summary;

    const agents = (isAdmin ? users : users.filter((u) => u.id === caller.id)).map((u) => ({ id: u.id, name: u.name }));
    return {
      range: { from: query.from, to: query.to, tz, start: start.toISOString(), end: end.toISOString(), businessHours },
      scope: isAdmin ? 'all' : 'own',
      summary,
      team: teamSummary,
      volume: volumeOf(query.from, query.to, cycles, hours),
      agents: agentRowsOf(agents, cycles, pairs),
      channels: channelRowsOf(
        channels.map((c) => ({ id: c.id, name: c.name, platform: c.platform })),
        cycles,
        pairs,
      ),
      frtDistribution: frtDistribution(cycles.frt.values),
      heatmap: heatmapOf(query.from, hours),
      live: {
        open: live.open,
        unassigned: live.unassigned,
        waitingLongest: live.waitingLongest.map((w) => ({ ...w, waitingSince: w.waitingSince.toISOString() })),
        agentsOnline: new Set(online.map((u) => u.userId)).size,
      },
      rebuiltAt: settings?.rebuiltAt ? settings.rebuiltAt.toISOString() : null,
    };
  }

  async settings(): Promise<AnalyticsSettingsDto> {
    return { businessHours: (await this.store.getSettings())?.businessHours ?? null };
  }

  async saveSettings(businessHours: BusinessHoursDto | null, userId: string): Promise<AnalyticsSettingsDto> {
    if (businessHours && businessHours.end <= businessHours.start)
      throw new RequestValidationException([{ field: 'businessHours.end', messages: ['end must be after start'] }]);
    const normalized = businessHours
      ? { timeZone: businessHours.timeZone, weekdays: [...businessHours.weekdays].sort((a, b) => a - b), start: businessHours.start, end: businessHours.end }
      : null;
    await this.store.saveBusinessHours(normalized, userId);
    return { businessHours: normalized };
  }
}
