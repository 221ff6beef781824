import { Controller, GoneException, Get, NotFoundException, Param, ParseIntPipe, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../../common/decorators/current-user.decorator';
import { Roles } from '../../../common/decorators/roles.decorator';
import { MessageMediaService } from './message-media.service';

/** Stored attachments, for signed-in users who may see the message's conversation (others get 404). */
@ApiTags('media')
@ApiBearerAuth()
@Controller('media')
export class MessageMediaController {
  constructor(private readonly media: MessageMediaService) {}

  @Get('messages/:messageId/:index')
  @Roles(Role.ADMIN, Role.AGENT)
  async messageAttachment(
    @CurrentUser() caller: AuthUser,
    @Param('messageId', new ParseUUIDPipe()) messageId: string,
    @Param('index', ParseIntPipe) index: number,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.media.canSee(caller, messageId))) throw new NotFoundException('No stored media for this attachment');
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
