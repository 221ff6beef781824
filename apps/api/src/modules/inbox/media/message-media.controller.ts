import { Controller, GoneException, Get, NotFoundException, Param, ParseIntPipe, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../../common/decorators/current-user.decorator';
import { Roles } from '../../../common/decorators/roles.decorator';
import { MessageMediaService } from './message-media.service';

/** Stored (or passed-through) attachments, for signed-in users who may see the message's conversation (others get 404). */
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
    const passed = await this.media.passThrough(messageId, index);
    if (passed === 'expired') throw new GoneException('This media has expired or was deleted at Meta');
    if (passed) {
      this.send(res, passed, 'private, no-store');
      res.on('close', () => void passed.done());
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
