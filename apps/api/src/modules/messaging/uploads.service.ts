import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MessagePlatform, MessagingErrorCode, normalizeMimeType, Role, UploadDto, validateAttachment } from '@ticklegram/domain-models';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { copyFile, mkdir, unlink, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { In, LessThan, Repository } from 'typeorm';
import { deleteInBatches } from '../../database/delete-in-batches';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Caller } from '../inbox/conversation-access.policy';
import { UploadEntity } from './entities/upload.entity';
import { MessagingException } from './messaging.exception';

/** What multer hands over (memory storage). */
export interface IncomingFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** How long a signed link handed to Meta stays valid (Meta fetches video within 75 s, others within 10 s). */
const LINK_TTL_MS = 60 * 60 * 1000;

export function toUploadDto(upload: UploadEntity): UploadDto {
  return {
    id: upload.id,
    platform: upload.platform,
    fileName: upload.fileName,
    mimeType: upload.mimeType,
    sizeBytes: upload.sizeBytes,
    kind: upload.kind,
    createdAt: upload.createdAt.toISOString(),
  };
}

/**
 * Files for outbound attachments: checked against the platform's limits (the rules engine's table),
 * stored under DATA_DIR/uploads with a random name, and handed to the Send API as a short-lived signed
 * URL that only Meta (or the simulator) needs to fetch.
 */
@Injectable()
export class UploadsService {
  private readonly dir: string;
  private readonly mediaDir: string;
  private readonly key: Buffer;

  constructor(
    @InjectRepository(UploadEntity) private readonly uploads: Repository<UploadEntity>,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dir = join(config.dataDir, 'uploads');
    this.mediaDir = join(config.dataDir, 'media');
    this.key = createHmac('sha256', config.auth.jwtSecret).update('ticklegram:upload-links').digest();
  }

  async create(caller: Caller, platform: MessagePlatform, file: IncomingFile | undefined): Promise<UploadDto> {
    if (!file) throw new MessagingException(MessagingErrorCode.MESSAGING_UPLOAD_REJECTED, 'Attach a file in the "file" field.');
    const verdict = validateAttachment(platform, { mimeType: file.mimetype, sizeBytes: file.size });
    if (!verdict.ok) throw new MessagingException(MessagingErrorCode.MESSAGING_UPLOAD_REJECTED, verdict.reason);
    await mkdir(this.dir, { recursive: true });
    const id = randomUUID();
    const ext = extname(file.originalname)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '')
      .slice(0, 10);
    const storedFile = `${id}${ext}`;
    await writeFile(join(this.dir, storedFile), file.buffer, { mode: 0o600 });
    const entity = this.uploads.create({
      id,
      userId: caller.id,
      platform,
      kind: verdict.kind,
      // non-ASCII names are not supported by Meta's attachment upload; keep ours readable but ASCII
      fileName:
        file.originalname
          .normalize('NFKD')
          .replace(/[^\x20-\x7e]/g, '_')
          .slice(0, 255) || `file${ext}`,
      // the allow-listed type the platform check passed, without parameters a browser might act on
      mimeType: normalizeMimeType(file.mimetype).slice(0, 127),
      sizeBytes: file.size,
      storedFile,
    });
    await this.uploads.insert(entity);
    return toUploadDto(entity);
  }

  /** The caller's uploads (admins: anyone's), in the order asked; unknown ids are an error. */
  async findUsable(caller: Caller, ids: string[]): Promise<UploadEntity[]> {
    if (ids.length === 0) return [];
    const where = caller.role === Role.ADMIN ? { id: In(ids) } : { id: In(ids), userId: caller.id };
    const found = await this.uploads.find({ where });
    return ids.map((id) => {
      const upload = found.find((u) => u.id === id);
      if (!upload) throw new MessagingException(MessagingErrorCode.MESSAGING_UPLOAD_NOT_FOUND, 'An attachment was not found. Upload it again.');
      return upload;
    });
  }

  async findByIds(ids: string[]): Promise<UploadEntity[]> {
    if (ids.length === 0) return [];
    const found = await this.uploads.find({ where: { id: In(ids) } });
    return ids.map((id) => found.find((u) => u.id === id)).filter((u): u is UploadEntity => !!u);
  }

  findById(id: string): Promise<UploadEntity | null> {
    return this.uploads.findOneBy({ id });
  }

  /**
   * Copies the file next to the inbox's stored media (`DATA_DIR/media/<messageId>-<index><ext>`, the
   * media module's naming), so the thread shows our own attachments like received ones.
   */
  async copyForMessage(upload: UploadEntity, messageId: string, index: number): Promise<string> {
    await mkdir(this.mediaDir, { recursive: true });
    const storedFile = `${messageId}-${index}${extname(upload.storedFile)}`;
    await copyFile(this.pathOf(upload), join(this.mediaDir, storedFile));
    return storedFile;
  }

  /** Removes copies made for a message that was never stored (a concurrent duplicate won). */
  async discardMessageCopies(storedFiles: string[]): Promise<void> {
    await Promise.all(storedFiles.map((file) => unlink(join(this.mediaDir, file)).catch(() => undefined)));
  }

  /** Retention: uploads older than `before`, file and row (sent messages keep their own copy under media). */
  pruneOlderThan(before: Date, batchSize: number): Promise<number> {
    return deleteInBatches(this.uploads, 'id', { createdAt: LessThan(before) }, batchSize, async (rows) => {
      await Promise.all(rows.map((upload) => unlink(this.pathOf(upload)).catch(() => undefined)));
    });
  }

  pathOf(upload: UploadEntity): string {
    return join(this.dir, upload.storedFile);
  }

  signedUrl(upload: UploadEntity, apiBaseUrl: string, now = Date.now()): string {
    const expires = now + LINK_TTL_MS;
    return `${apiBaseUrl}/api/uploads/${upload.id}/content?expires=${expires}&signature=${this.sign(upload.id, expires)}`;
  }

  verify(id: string, expires: string | undefined, signature: string | undefined, now = Date.now()): boolean {
    const at = Number(expires);
    if (!signature || !Number.isSafeInteger(at) || at < now) return false;
    const expected = Buffer.from(this.sign(id, at));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(id: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${id}.${expires}`).digest('base64url');
  }
}
