import { Injectable } from '@nestjs/common';
import { Role, StoryInsightsEventPayload } from '@ticklegram/domain-models';
import { RealtimeService } from '../realtime/realtime.service';

/** The insights module's realtime events: `insights.*`, to admins. */
@Injectable()
export class InsightsGateway {
  constructor(private readonly realtime: RealtimeService) {}

  storyUpdated(payload: StoryInsightsEventPayload): void {
    this.realtime.toRole(Role.ADMIN, 'insights.story_updated', payload);
  }
}
