import { SIM_SEED } from '@ticklegram/meta-sim';
import { existsSync, mkdirSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { MessageEntity } from '../../src/modules/inbox/entities/message.entity';
import { MessageMediaService } from '../../src/modules/inbox/media/message-media.service';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

const IG = SIM_SEED.instagramCustomers;

/** Files this process holds open under `dir` (Linux /proc): a leaked write stream shows up here. */
function openFilesUnder(dir: string): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(dir));
}

/**
 * Media downloads that go wrong on the api's side of the wire: a CDN response that stalls mid-body (the
 * simulator's `/cdn/stall/…`) and a media directory that cannot be written. The api stays up, the message
 * is kept (without its file), no handle or partial file is left behind, and the next event still applies.
 */
describe('media downloads: stalled CDN, unwritable storage (integration)', () => {
  let h: IngestionHarness;
  let mediaDir: string;
  const messages = () => h.t.dataSource.getRepository(MessageEntity);
  const media = () => h.t.app.get(MessageMediaService);

  /** The customer sends one attachment; resolves once the api's download of it has run (whatever its outcome). */
  const customerSendsAttachment = async (customerId: string, type: string, url: string): Promise<MessageEntity> => {
    const queued = jest.spyOn(media(), 'enqueueMessage');
    try {
      const { mid } = h.sim.customerSends(customerId, { attachments: [{ type, url }] });
      await h.settle();
      const message = await waitFor(() => messages().findOneBy({ mid }), 10_000, 'the attachment message');
      await waitFor(async () => queued.mock.calls.some(([id]) => id === message.id), 10_000, 'the download to be queued');
      await media().whenIdle();
      return message;
    } finally {
      queued.mockRestore();
    }
  };

  beforeAll(async () => {
    h = await startIngestionHarness({ MEDIA_DOWNLOAD_TIMEOUT_MS: '700' });
    mediaDir = join(h.t.db.dataDir, 'media');
  });
  afterAll(() => h?.close());

  it('a CDN response that stalls mid-body times out: no open handle, no partial file, the message is kept', async () => {
    const message = await customerSendsAttachment(IG[1].igsid, 'video', `${h.sim.url}/cdn/stall/50000/clip.mp4`);
    const stored = await messages().findOneByOrFail({ id: message.id });
    expect(stored.attachments?.[0]).toMatchObject({ type: 'video' });
    expect(stored.attachments?.[0]?.storedFile).toBeUndefined();
    await waitFor(async () => openFilesUnder(mediaDir).length === 0, 3000, 'the file handle to close');
    await waitFor(async () => readdirSync(mediaDir).every((f) => !f.endsWith('.part')), 3000, 'the partial file to go');
    expect(readdirSync(mediaDir).filter((f) => f.startsWith(message.id))).toEqual([]);
    // the thread still serves: the file is fetched again on view and fails with a clean answer, not a crash
    const res = await h.t.http.get(`/api/media/messages/${message.id}/0`).set({ Authorization: `Bearer ${h.admin}` });
    expect(res.status).toBeLessThan(500);
  });

  it('a media directory that cannot be written: the api survives, the message is kept, the next event applies', async () => {
    rmSync(mediaDir, { recursive: true, force: true });
    // a file where the directory should be: every create under it fails (ENOTDIR), as root too
    writeFileSync(mediaDir, 'not a directory');
    try {
      const message = await customerSendsAttachment(IG[1].igsid, 'image', `${h.sim.url}/cdn/samples/photo-2.png`);
      expect((await messages().findOneByOrFail({ id: message.id })).attachments?.[0]?.storedFile).toBeUndefined();

      const text = `still alive ${randomUUID().slice(0, 8)}`;
      const { mid } = h.sim.customerSends(IG[1].igsid, { text });
      await h.settle();
      expect(await waitFor(() => messages().findOneBy({ mid }))).toMatchObject({ text });
      const health = await h.t.http.get('/api/health');
      expect(health.status).toBe(200);
    } finally {
      rmSync(mediaDir, { force: true });
      mkdirSync(mediaDir, { recursive: true });
    }
    // storage back: the next attachment is stored
    const again = await customerSendsAttachment(IG[1].igsid, 'image', `${h.sim.url}/cdn/samples/photo-3.png`);
    const file = (await messages().findOneByOrFail({ id: again.id })).attachments?.[0]?.storedFile;
    expect(file).toBeTruthy();
    expect(existsSync(join(mediaDir, file as string))).toBe(true);
  });
});
