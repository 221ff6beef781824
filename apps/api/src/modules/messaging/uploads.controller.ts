import { Controller, Get, Param, ParseEnumPipe, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MEGABYTE, MessagePlatform, Role, UploadDto } from '@ticklegram/domain-models';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { uploadContentHeaders } from './upload-content-headers';
import { IncomingFile, UploadsService } from './uploads.service';

/** Largest file any platform accepts (25 MB); the per-type limits are checked by the rules engine. */
const MAX_UPLOAD_BYTES = 25 * MEGABYTE;

@ApiTags('uploads')
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post()
  @ApiBearerAuth()
  @Roles(Role.ADMIN, Role.AGENT)
  @ApiConsumes('multipart/form-data')
  @ApiOkResponse()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  create(
    @CurrentUser() user: AuthUser,
    @Query('platform', new ParseEnumPipe(MessagePlatform)) platform: MessagePlatform,
    @UploadedFile() file: IncomingFile | undefined,
  ): Promise<UploadDto> {
    return this.uploads.create(user, platform, file);
  }

  /**
   * Fetched by Meta (the Send API downloads attachments by URL); only with a valid, unexpired signature.
   * Served so that nothing can run on the api's origin (see uploadContentHeaders).
   */
  @Get(':id/content')
  @Public()
  async content(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('expires') expires: string | undefined,
    @Query('signature') signature: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const upload = this.uploads.verify(id, expires, signature) ? await this.uploads.findById(id) : null;
    if (!upload) {
      res.status(404).json({ statusCode: 404, code: 'MESSAGING_UPLOAD_NOT_FOUND', message: 'This link is invalid or expired.' });
      return;
    }
    res.set(uploadContentHeaders(upload));
    res.sendFile(this.uploads.pathOf(upload));
  }
}
