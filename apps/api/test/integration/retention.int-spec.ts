import { SchedulerRegistry } from '@nestjs/schedule';
import { MessagePlatform, WebhookEventStatus } from '@ticklegram/domain-models';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RefreshTokenEntity } from '../../src/modules/auth/entities/refresh-token.entity';
import { UploadEntity } from '../../src/modules/messaging/entities/upload.entity';
import { RetentionService } from '../../src/modules/retention/retention.service';
import { UserEntity } from '../../src/modules/users/entities/user.entity';
import { AppliedEventEntity } from '../../src/modules/webhooks/entities/applied-event.entity';
import { WebhookEventEntity } from '../../src/modules/webhooks/entities/webhook-event.entity';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/**
 * Retention: each kind of data is pruned after its own period, in batches (here 10 rows per statement,
 * so every kind needs several), and what is still needed — recent rows, dead and pending webhooks —
 * stays. SQLite, or MySQL/MariaDB with TEST_DATABASE_URL.
 */
describe('retention jobs (integration)', () => {
  let t: TestApp;
  let userId: string;

  beforeAll(async () => {
    t = await startTestApp({
      // the worker would claim the pending rows this test plants
      WEBHOOK_WORKER_ENABLED: 'false',
      RETENTION_BATCH_SIZE: '10',
      RETENTION_UPLOADS_DAYS: '30',
      RETENTION_MEDIA_DAYS: '90',
      RETENTION_WEBHOOK_EVENTS_DAYS: '14',
      RETENTION_APPLIED_EVENTS_DAYS: '30',
      RETENTION_REFRESH_TOKENS_DAYS: '7',
    });
    userId = (await t.dataSource.getRepository(UserEntity).findOneByOrFail({ email: TEST_ADMIN.email })).id;
  });
  afterAll(() => t?.close());

  const plantRefreshTokens = async (count: number, fields: Partial<RefreshTokenEntity>) => {
    const repo = t.dataSource.getRepository(RefreshTokenEntity);
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const row = repo.create({
        userId,
        familyId: randomUUID(),
        tokenHash: randomUUID().replace(/-/g, ''),
        expiresAt: new Date(Date.now() + DAY),
        revokedAt: null,
        replacedById: null,
        userAgent: null,
        ip: null,
        ...fields,
      });
      ids.push((await repo.save(row)).id);
    }
    return ids;
  };
  const plantWebhookEvents = async (count: number, status: WebhookEventStatus, receivedAt: Date) => {
    const repo = t.dataSource.getRepository(WebhookEventEntity);
    const ids: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const saved = await repo.save(
        repo.create({
          endpoint: 'instagram',
          object: 'instagram',
          channelExternalId: null,
          entryCount: 1,
          rawBody: '{"object":"instagram","entry":[]}',
          status,
          nextAttemptAt: receivedAt,
          receivedAt,
        }),
      );
      ids.push(saved.id);
    }
    return ids;
  };
  const plantAppliedEvents = async (count: number, appliedAt: Date) => {
    const keys = Array.from({ length: count }, () => `test:${randomUUID()}`);
    await t.dataSource.getRepository(AppliedEventEntity).insert(keys.map((dedupeKey) => ({ dedupeKey, type: 'dm.received', webhookEventId: 1, appliedAt })));
    return keys;
  };
  const plantUpload = async (createdAt: Date) => {
    const repo = t.dataSource.getRepository(UploadEntity);
    const upload = repo.create({
      userId,
      platform: MessagePlatform.FACEBOOK,
      kind: 'image',
      fileName: 'a.png',
      mimeType: 'image/png',
      sizeBytes: 3,
      storedFile: `${randomUUID()}.png`,
      createdAt,
    });
    await repo.save(upload);
    mkdirSync(join(t.config.dataDir, 'uploads'), { recursive: true });
    const path = join(t.config.dataDir, 'uploads', upload.storedFile);
    writeFileSync(path, 'png');
    return { id: upload.id, path };
  };
  const plantMediaFile = (writtenAt: Date) => {
    const path = join(t.config.dataDir, 'media', `${randomUUID()}-0`);
    writeFileSync(path, 'media');
    utimesSync(path, writtenAt, writtenAt);
    return path;
  };

  it('runs on a schedule', () => {
    expect(t.app.get(SchedulerRegistry).getInterval('retention')).toBeDefined();
  });

  it('prunes each kind after its period, in batches, and keeps what is still needed', async () => {
    const expiredTokens = await plantRefreshTokens(23, { expiresAt: daysAgo(10) });
    const longRevoked = await plantRefreshTokens(12, { revokedAt: daysAgo(8) });
    const recentlyRevoked = await plantRefreshTokens(2, { revokedAt: daysAgo(1) });
    const liveTokens = await plantRefreshTokens(3, {});

    const oldFinished = [
      ...(await plantWebhookEvents(15, 'processed', daysAgo(20))),
      ...(await plantWebhookEvents(3, 'unsupported', daysAgo(20))),
      ...(await plantWebhookEvents(3, 'rejected', daysAgo(20))),
    ];
    const kept = [
      ...(await plantWebhookEvents(2, 'dead', daysAgo(20))),
      ...(await plantWebhookEvents(1, 'failed', daysAgo(20))),
      ...(await plantWebhookEvents(1, 'pending', daysAgo(20))),
      ...(await plantWebhookEvents(2, 'processed', daysAgo(1))),
    ];

    const oldKeys = await plantAppliedEvents(25, daysAgo(40));
    const newKeys = await plantAppliedEvents(2, daysAgo(3));

    const oldUpload = await plantUpload(daysAgo(40));
    const newUpload = await plantUpload(daysAgo(2));
    const oldMedia = plantMediaFile(daysAgo(120));
    const newMedia = plantMediaFile(daysAgo(10));

    const report = await t.app.get(RetentionService).runOnce();
    expect(report).toMatchObject({
      uploads: 1,
      media: 1,
      webhookEvents: oldFinished.length,
      appliedEvents: oldKeys.length,
      refreshTokens: expiredTokens.length + longRevoked.length,
    });

    const tokenIds = (await t.dataSource.getRepository(RefreshTokenEntity).find({ select: { id: true } })).map((r) => r.id);
    expect(tokenIds).toEqual(expect.arrayContaining([...recentlyRevoked, ...liveTokens]));
    expect(tokenIds.filter((id) => expiredTokens.includes(id) || longRevoked.includes(id))).toEqual([]);

    const eventIds = (await t.dataSource.getRepository(WebhookEventEntity).find({ select: { id: true } })).map((r) => r.id);
    expect(eventIds.sort((a, b) => a - b)).toEqual(kept.sort((a, b) => a - b));

    const keys = (await t.dataSource.getRepository(AppliedEventEntity).find({ select: { dedupeKey: true } })).map((r) => r.dedupeKey);
    expect(keys.sort()).toEqual(newKeys.sort());

    const uploadIds = (await t.dataSource.getRepository(UploadEntity).find({ select: { id: true } })).map((r) => r.id);
    expect(uploadIds).toEqual([newUpload.id]);
    expect([existsSync(oldUpload.path), existsSync(newUpload.path)]).toEqual([false, true]);
    expect([existsSync(oldMedia), existsSync(newMedia)]).toEqual([false, true]);

    // a second pass finds nothing more
    expect(await t.app.get(RetentionService).runOnce()).toEqual({ uploads: 0, media: 0, webhookEvents: 0, appliedEvents: 0, refreshTokens: 0 });
  });
});
