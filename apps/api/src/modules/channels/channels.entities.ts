import { ChannelWebhookMinuteEntity } from './entities/channel-webhook-minute.entity';

/** Tables of the channels module (the channel tables themselves belong to instagram and messenger). */
export const CHANNELS_ENTITIES = [ChannelWebhookMinuteEntity];
