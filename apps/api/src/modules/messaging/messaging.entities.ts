import { UploadEntity } from './entities/upload.entity';

/** Tables of the messaging module (the messages themselves belong to the inbox). */
export const MESSAGING_ENTITIES = [UploadEntity];
