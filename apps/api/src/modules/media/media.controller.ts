import { Controller, Get, NotFoundException, Param, ParseIntPipe, ParseUUIDPipe, Res } from '@nestjs/common';
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
    const file = await this.media.fileFor(messageId, index);
    if (!file) throw new NotFoundException('No stored media for this attachment');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, max-age=86400');
    res.sendFile(file.path);
  }
}
