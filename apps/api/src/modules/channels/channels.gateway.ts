import { Injectable } from '@nestjs/common';
import { ChannelDto, ChannelHistoryDto, Role, rooms } from '@ticklegram/domain-models';
import { RealtimeService } from '../realtime/realtime.service';

/** The channels module's realtime events: `channel.*`, to every signed-in role. */
@Injectable()
export class ChannelsGateway {
  constructor(private readonly realtime: RealtimeService) {}

  /** A channel's status or health changed (connect, disconnect, token rejected, re-subscribed). */
  updated(channel: ChannelDto): void {
    this.realtime.toRooms([rooms.role(Role.ADMIN), rooms.role(Role.AGENT)], 'channel.updated', { channel });
  }

  /** A channel's history import progressed or a gap recovery ran (the history module reports here); to admins. */
  historyUpdated(history: ChannelHistoryDto): void {
    this.realtime.toRooms([rooms.role(Role.ADMIN)], 'channel.history_updated', { history });
  }
}
