import { Role } from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { UploadEntity } from '../../src/modules/messaging/entities/upload.entity';
import { UploadsService } from '../../src/modules/messaging/uploads.service';
import { IngestionHarness, startIngestionHarness } from '../utils/webhooks-harness';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4150000000049454e44ae426082',
  'hex',
);
const HTML = Buffer.from('<html><script>fetch("/api/auth/refresh",{method:"POST"})</script></html>');

/**
 * Uploads are served on the api's origin to whoever holds a signed link (Meta): nothing served there
 * may run, types are allow-listed per platform at upload time, and links come from API_PUBLIC_URL.
 */
describe('uploads: allow-listed types, safe serving, links from the configured public URL (integration)', () => {
  let h: IngestionHarness;
  const admin = () => ({ Authorization: `Bearer ${h.admin}` });

  beforeAll(async () => {
    h = await startIngestionHarness();
  });
  afterAll(() => h?.close());

  it.each(['FACEBOOK', 'INSTAGRAM'])('refuses markup and scripts on %s whatever the declared type', async (platform) => {
    for (const [contentType, filename] of [
      ['text/html', 'page.html'],
      ['image/svg+xml', 'logo.svg'],
      ['application/javascript', 'app.js'],
      ['application/xhtml+xml', 'page.xhtml'],
    ]) {
      const res = await h.t.http.post(`/api/uploads?platform=${platform}`).set(admin()).attach('file', HTML, { filename, contentType });
      expect([contentType, res.status, res.body.code]).toEqual([contentType, 400, 'MESSAGING_UPLOAD_REJECTED']);
    }
  });

  it('builds the link Meta fetches from API_PUBLIC_URL, not from a forged Host header, and serves it without letting it run', async () => {
    const customer = SIM_SEED.messengerCustomers[0].psid;
    h.sim.customerSends(customer, { text: `hello ${randomUUID().slice(0, 6)}` });
    await h.settle();
    const [conversation]: { id: string }[] = await h.t.dataSource.query('SELECT id FROM conversations WHERE customer_external_id = ?', [customer]);
    const upload = await h.t.http
      .post('/api/uploads?platform=FACEBOOK')
      .set(admin())
      .attach('file', PNG, { filename: 'dot.png', contentType: 'image/png; name=x' });
    expect(upload.status).toBe(201);
    expect(upload.body.mimeType).toBe('image/png');

    const sent = await h.t.http
      .post(`/api/conversations/${conversation.id}/messages`)
      .set(admin())
      .set('Host', 'attacker.example')
      .set('X-Forwarded-Host', 'attacker.example')
      .set('Idempotency-Key', randomUUID())
      .send({ attachments: [upload.body.id] });
    expect(sent.status).toBe(201);
    const call = h.sim.context.requests.filter((r) => r.method === 'POST' && /\/messages$/.test(r.path)).pop();
    const url = (call?.params['message'] as { attachment?: { payload?: { url?: string } } }).attachment?.payload?.url as string;
    expect(url.startsWith(`${h.t.config.http.publicApiUrl}/api/uploads/${upload.body.id}/content?`)).toBe(true);
    expect(url).not.toContain('attacker.example');

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), PNG)).toBe(0);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="dot.png"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('serves an upload stored before the allow-list (declared text/html) as an opaque download', async () => {
    const { id: userId } = (await h.t.createUser(Role.AGENT)).user;
    const uploads = h.t.app.get(UploadsService);
    const legacy = Object.assign(new UploadEntity(), {
      id: randomUUID(),
      userId,
      platform: 'FACEBOOK',
      kind: 'file',
      fileName: 'invoice.html',
      mimeType: 'text/html',
      sizeBytes: HTML.length,
      storedFile: `${randomUUID()}.html`,
    });
    await h.t.dataSource.getRepository(UploadEntity).insert(legacy);
    writeFileSync(uploads.pathOf(legacy), HTML);

    const res = await fetch(uploads.signedUrl(legacy, h.t.config.http.publicApiUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="invoice.html"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });
});
