import { Module } from '@nestjs/common';
import { MediaStorage } from './media-storage.service';

/** Infrastructure: stored files and safe downloads. Owns no table; the inbox serves message media. */
@Module({
  providers: [MediaStorage],
  exports: [MediaStorage],
})
export class MediaModule {}
