import { Inject, Injectable } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { access, mkdtemp, opendir, readdir, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DownloadPolicy, DownloadResult, safeDownload } from './safe-download';

/** The simulator's origin, under both loopback names (`npm start` gives the sim a `localhost` public URL). */
export function simOrigins(simUrl: string | null): string[] {
  if (!simUrl) return [];
  const url = new URL(simUrl);
  const origins = [url.origin];
  for (const [from, to] of [
    ['127.0.0.1', 'localhost'],
    ['localhost', '127.0.0.1'],
  ]) {
    if (url.hostname === from) origins.push(`${url.protocol}//${to}${url.port ? `:${url.port}` : ''}`);
  }
  return origins;
}

/** A file fetched for one response only and deleted afterwards (call `done`). */
export interface PassThroughFile {
  path: string;
  contentType: string;
  done: () => Promise<void>;
}

/**
 * Files under DATA_DIR/media and SSRF-safe downloads into it (https Meta CDN hosts plus the simulator in
 * sandbox, size and time caps, private addresses refused). Knows nothing of messages: the inbox decides
 * what to store and under which name.
 */
@Injectable()
export class MediaStorage {
  readonly dir: string;
  private readonly policy: DownloadPolicy;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.dir = join(config.dataDir, 'media');
    mkdirSync(this.dir, { recursive: true });
    this.policy = { extraOrigins: simOrigins(config.meta.simUrl), maxBytes: config.media.maxBytes, timeoutMs: config.media.timeoutMs };
  }

  pathOf(file: string): string {
    return join(this.dir, file);
  }

  /** Whether a stored file is still there (the retention job prunes old ones). */
  exists(file: string): Promise<boolean> {
    return access(this.pathOf(file)).then(
      () => true,
      () => false,
    );
  }

  /** Retention: removes stored files last written before `before`. Returns how many. */
  async pruneOlderThan(before: Date): Promise<number> {
    let removed = 0;
    const dir = await opendir(this.dir).catch(() => null);
    if (!dir) return 0;
    for await (const entry of dir) {
      if (!entry.isFile()) continue;
      const path = join(this.dir, entry.name);
      const info = await stat(path).catch(() => null);
      if (
        info &&
        info.mtime < before &&
        (await unlink(path).then(
          () => true,
          () => false,
        ))
      )
        removed += 1;
    }
    return removed;
  }

  /** Downloads `url` to `DATA_DIR/media/<file>`; throws `MediaDownloadError` with a reason. */
  download(url: string, file: string): Promise<DownloadResult> {
    return safeDownload(url, this.pathOf(file), this.policy);
  }

  /** Downloads `url` to a private temp file that is never kept (Meta's terms for story mentions). */
  async passThrough(url: string): Promise<PassThroughFile> {
    const dir = await mkdtemp(join(tmpdir(), 'tg-story-'));
    const done = () => rm(dir, { recursive: true, force: true });
    try {
      const result = await safeDownload(url, join(dir, 'media'), this.policy);
      return { path: join(dir, 'media'), contentType: result.contentType ?? 'application/octet-stream', done };
    } catch (error) {
      await done();
      throw error;
    }
  }

  /** Deletes every stored file whose name starts with `prefix`. */
  async deleteByPrefix(prefix: string): Promise<void> {
    const files = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(files.filter((f) => f.startsWith(prefix)).map((f) => unlink(join(this.dir, f)).catch(() => undefined)));
  }
}
