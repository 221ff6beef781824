import { Controller, GoneException, Get, NotFoundException, Param, ParseIntPipe, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MediaService } from './media.service';

/** Stored attachments, for any signed-in user (the global guard requires a session). */
@ApiTags('media')
@ApiBearerAuth()
@Controller('media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Get('messages/:messageId/:index')
  async messageAttachment(@Param('messageId', new ParseUUIDPipe()) messageId: string, @Param('index', ParseIntPipe) index: number, @Res() res: Response): Promise<void> {
    const story = await this.media.storyMention(messageId, index);
    if (story === 'expired') throw new GoneException('The story has expired or was deleted');
    if (story) {
      this.send(res, story, 'private, no-store');
      res.on('close', () => void story.done());
      return;
    }
    const file = await this.media.fileFor(messageId, index);
    if (!file) throw new NotFoundException('No stored media for this attachment');
    this.send(res, file, 'private, max-age=86400');
  }

  private send(res: Response, file: { path: string; contentType: string }, cacheControl: string): void {
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', cacheControl);
    res.sendFile(file.path);
  }
}
