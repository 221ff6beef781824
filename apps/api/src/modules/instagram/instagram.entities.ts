import { InstagramAccountEntity } from './entities/instagram-account.entity';
import { InstagramUserEntity } from './entities/instagram-user.entity';

/** Tables of the instagram module. */
export const INSTAGRAM_ENTITIES = [InstagramAccountEntity, InstagramUserEntity];
