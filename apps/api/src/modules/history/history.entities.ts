import { ChannelHistoryEntity } from './entities/channel-history.entity';

export const HISTORY_ENTITIES = [ChannelHistoryEntity];
