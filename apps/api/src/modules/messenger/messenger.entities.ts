import { FacebookPageEntity } from './entities/facebook-page.entity';
import { FacebookUserEntity } from './entities/facebook-user.entity';
import { MessengerOptinEntity } from './entities/messenger-optin.entity';

/** Tables of the messenger module. */
export const MESSENGER_ENTITIES = [FacebookPageEntity, FacebookUserEntity, MessengerOptinEntity];
