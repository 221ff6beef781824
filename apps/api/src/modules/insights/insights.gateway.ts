import { Injectable } from '@nestjs/common';
import { InsightSyncStatusDto, Role, rooms, StoryInsightsEventPayload } from '@ticklegram/domain-models';
import { RealtimeService } from '../realtime/realtime.service';

/** The insights module's realtime events (`insights.*`); admins and agents both read insights. */
@Injectable()
export class InsightsGateway {
  private readonly audience = [rooms.role(Role.ADMIN), rooms.role(Role.AGENT)];

  constructor(private readonly realtime: RealtimeService) {}

  syncProgress(status: InsightSyncStatusDto): void {
    this.realtime.toRooms(this.audience, 'insights.sync_progress', { status });
  }

  synced(status: InsightSyncStatusDto): void {
    this.realtime.toRooms(this.audience, 'insights.synced', { status });
  }

  storyUpdated(payload: StoryInsightsEventPayload): void {
    this.realtime.toRooms(this.audience, 'insights.story_updated', payload);
  }
}
