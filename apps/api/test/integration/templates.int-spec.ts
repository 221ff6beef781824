import {
  ChannelDto,
  MessagePlatform,
  MessageTemplateDto,
  ReplyPolicyResponse,
  Role,
  SendMessageResponse,
  TemplateEventPayload,
  TemplateStatus,
} from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { randomUUID } from 'node:crypto';
import { ConversationEntity } from '../../src/modules/inbox/entities/conversation.entity';
import { MessageTemplateEntity } from '../../src/modules/templates/entities/message-template.entity';
import { MessageTemplateRepository } from '../../src/modules/templates/repositories/message-template.repository';
import { TemplatePages } from '../../src/modules/templates/template-pages';
import { TemplateSyncService } from '../../src/modules/templates/template-sync.service';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

const FB = SIM_SEED.messengerCustomers;
const AIKO = FB[2].psid;
const HOUR = 3_600_000;
const SENT = expect.stringMatching(/^(sent|delivered|read)$/);

/**
 * Utility templates against the Meta simulator over HTTP: Meta's rules before submitting, review through
 * the status webhook (either field name) and polling, the library, access rules, and sending a template
 * through the outbound pipeline outside the 24-hour window. SQLite, or MariaDB with TEST_DATABASE_URL.
 */
describe('templates: rules, Meta review, sync, access, sending (integration)', () => {
  let h: IngestionHarness;
  let agent: string;
  let pageChannelId: string;
  let igChannelId: string;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const admin = () => bearer(h.admin);
  const templateCalls = (method: string) => h.sim.context.requests.filter((r) => r.method === method && /\/message_templates$/.test(r.path));
  const graphSends = () => h.sim.context.requests.filter((r) => r.method === 'POST' && /\/messages$/.test(r.path));
  const stored = async (id: string) => (await h.t.http.get(`/api/templates/${id}`).set(admin())).body as MessageTemplateDto;
  const auditActions = async (id: string) =>
    ((await h.t.dataSource.query('SELECT action FROM audit_log WHERE target_id = ? ORDER BY id', [id])) as { action: string }[]).map((r) => r.action);
  const create = (body: object, token = h.admin) =>
    h.t.http
      .post('/api/templates')
      .set(bearer(token))
      .send({ channelId: pageChannelId, language: 'en_US', ...body });
  const reviewPolicy = (policy: object) => h.control('/_sim/templates/review-policy', policy);
  const valid = (name: string, extra: object = {}) => ({
    name,
    body: 'Hi {{1}}, your order {{2}} has shipped and arrives soon.',
    examples: { '1': 'Jane', '2': '#1001' },
    ...extra,
  });

  /** Meta's status webhook for a template (`seconds`: Meta's time of the entry). */
  const statusWebhook = (t: MessageTemplateDto, event: string, seconds: number, field = 'message_template_status_update') =>
    JSON.stringify({
      object: 'page',
      entry: [
        {
          id: SIM_SEED.page.id,
          time: seconds,
          changes: [
            {
              field,
              value: { event, message_template_id: Number(t.externalId), message_template_name: t.name, message_template_language: 'en_US', reason: 'NONE' },
            },
          ],
        },
      ],
    });
  /**
   * Posts a status webhook and runs `meanwhile` right after the ingestion read the template (the worst interleaving with
   * another writer); returns whether it ran.
   */
  const postStatusRacing = async (t: MessageTemplateDto, body: string, meanwhile: () => Promise<unknown>): Promise<boolean> => {
    const repo = h.t.app.get(MessageTemplateRepository);
    const find = repo.findForStatusEvent.bind(repo);
    let raced = false;
    jest.spyOn(repo, 'findForStatusEvent').mockImplementation(async (...args) => {
      const row = await find(...args);
      if (row?.id === t.id && !raced) {
        raced = true;
        await meanwhile();
      }
      return row;
    });
    try {
      expect((await h.postSigned('/webhooks/facebook', body)).status).toBe(200);
      await h.settle();
    } finally {
      jest.restoreAllMocks();
    }
    return raced;
  };

  const conversationWith = async (customerId: string, hoursAgo: number): Promise<string> => {
    h.sim.customerSends(customerId, { text: `hello ${randomUUID().slice(0, 6)}` });
    await h.settle();
    const rows: { id: string }[] = await h.t.dataSource.query('SELECT id FROM conversations WHERE customer_external_id = ?', [customerId]);
    const id = rows[0]?.id;
    if (!id) throw new Error(`no conversation for ${customerId}`);
    await h.control(`/_sim/customers/${customerId}/clock`, { lastCustomerMessageHoursAgo: hoursAgo });
    await h.t.dataSource.getRepository(ConversationEntity).update({ id }, { lastCustomerMessageAt: new Date(Date.now() - hoursAgo * HOUR) });
    return id;
  };
  const approvedTemplate = async (name: string, extra: object = {}): Promise<MessageTemplateDto> => {
    await reviewPolicy({ mode: 'approve', delayMs: 50 });
    const res = await create({ ...valid(name, extra), submit: true });
    expect(res.status).toBe(201);
    await h.settle();
    return waitFor(
      async () => {
        const t = await stored(res.body.id);
        return t.status === TemplateStatus.APPROVED ? t : null;
      },
      10_000,
      `${name} approved`,
    );
  };

  beforeAll(async () => {
    h = await startIngestionHarness({ TEMPLATES_POLL_INTERVAL_SECONDS: '0' });
    agent = (await h.t.createUser(Role.AGENT)).accessToken;
    const channels = (await h.t.http.get('/api/channels').set(admin())).body as ChannelDto[];
    pageChannelId = channels.find((c) => c.platform === MessagePlatform.FACEBOOK)?.id as string;
    igChannelId = channels.find((c) => c.platform === MessagePlatform.INSTAGRAM)?.id as string;
  });
  afterAll(() => h?.close());
  afterEach(() => h.sim.clearFaults());

  describe("Meta's rules before submitting", () => {
    it.each<[string, object, string]>([
      ['an uppercase name', { name: 'Order_Update' }, 'name'],
      ['a body that starts with a variable', { body: '{{1}}, your order has shipped.', examples: { '1': 'Jane' } }, 'body'],
      ['variables out of order', { body: 'Hi {{2}}, your order {{1}} has shipped.', examples: { '1': 'a', '2': 'b' } }, 'body'],
      ['a missing example', { examples: { '1': 'Jane' } }, 'examples.2'],
      ['four buttons', { buttons: ['A', 'B', 'C', 'D'].map((text) => ({ type: 'QUICK_REPLY', text })) }, 'buttons'],
      ['a link without https', { buttons: [{ type: 'URL', text: 'Track', url: 'example.com/track' }] }, 'buttons.0.url'],
      ['a header with a variable', { header: 'Order {{1}}' }, 'header'],
      ['an unknown field', { category: 'MARKETING' }, 'category'],
      ['a button of an unknown type', { buttons: [{ type: 'PHONE_NUMBER', text: 'Call' }] }, 'buttons.0.type'],
    ])('rejects %s with a field error and never asks Meta', async (_case, patch, field) => {
      const before = templateCalls('POST').length;
      const res = await create({ ...valid('rule_check'), ...patch });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(templateCalls('POST')).toHaveLength(before);
    });

    it('templates belong to a Facebook Page, not an Instagram account', async () => {
      const res = await create({ ...valid('on_instagram'), channelId: igChannelId });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('TEMPLATE_CHANNEL_INVALID');
    });
  });

  describe('lifecycle: draft → submit → Meta reviews (status webhook)', () => {
    it('a draft is edited, submitted with Meta’s components, approved live, and audited', async () => {
      const { io } = await import('socket.io-client');
      const socket = io(h.t.url, { transports: ['websocket'], auth: { token: h.admin }, reconnection: false, forceNew: true });
      const events: TemplateEventPayload[] = [];
      socket.on('template.updated', (payload: TemplateEventPayload) => events.push(payload));
      try {
        await new Promise((resolve, reject) => {
          socket.once('session.ready', resolve);
          socket.once('connect_error', reject);
        });
        await reviewPolicy({ mode: 'approve', delayMs: 300 });
        const draft = await create({
          ...valid('shipping_notice'),
          header: 'Your order',
          footer: 'Example Store',
          buttons: [
            { type: 'QUICK_REPLY', text: 'Talk to us', payload: 'TALK' },
            { type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', urlExample: '1001' },
          ],
        });
        expect(draft.status).toBe(201);
        expect(draft.body).toMatchObject({ status: 'DRAFT', externalId: null, statusReason: 'Not submitted to Meta yet.' });
        const id = draft.body.id as string;

        const edited = await h.t.http.patch(`/api/templates/${id}`).set(admin()).send({ footer: 'Example Store team' });
        expect(edited.status).toBe(200);
        expect(edited.body.content.footer).toBe('Example Store team');

        const submitted = await h.t.http.post(`/api/templates/${id}/submit`).set(admin());
        expect(submitted.status).toBe(200);
        expect(submitted.body).toMatchObject({ status: 'PENDING', externalId: expect.any(String) });
        const call = templateCalls('POST').pop();
        expect(call?.params).toMatchObject({
          name: 'shipping_notice',
          language: 'en_US',
          category: 'UTILITY',
          components: [
            { type: 'HEADER', format: 'TEXT', text: 'Your order' },
            { type: 'BODY', text: valid('x').body, example: { body_text: [['Jane', '#1001']] } },
            { type: 'FOOTER', text: 'Example Store team' },
            {
              type: 'BUTTONS',
              buttons: [
                { type: 'POSTBACK', text: 'Talk to us', payload: 'TALK' },
                { type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', example: { url_suffix_example: '1001' } },
              ],
            },
          ],
        });

        await h.settle();
        const approved = await waitFor(async () => ((await stored(id)).status === 'APPROVED' ? stored(id) : null), 10_000, 'approved by webhook');
        expect(approved).toMatchObject({ statusReason: null, statusUpdatedAt: expect.any(String) });
        await waitFor(async () => events.find((e) => e.template.id === id && e.template.status === 'APPROVED'), 5000, 'template.updated APPROVED');
        expect(await auditActions(id)).toEqual(['template.created', 'template.updated', 'template.submitted', 'template.status_changed']);

        const again = await h.t.http.patch(`/api/templates/${id}`).set(admin()).send({ footer: 'x' });
        expect([again.status, again.body.code]).toEqual([409, 'TEMPLATE_NOT_DRAFT']);
        const duplicate = await create(valid('shipping_notice'));
        expect([duplicate.status, duplicate.body.code]).toEqual([409, 'TEMPLATE_NAME_TAKEN']);
      } finally {
        socket.close();
      }
    });

    it("a rejection keeps Meta's reason, in plain words", async () => {
      await reviewPolicy({ mode: 'reject', reason: 'TAG_SHOULD_BE_MARKETING', delayMs: 50 });
      const res = await create({ ...valid('rejected_one'), submit: true });
      expect(res.body.status).toBe('PENDING');
      await h.settle();
      const rejected = await waitFor(async () => ((await stored(res.body.id)).status === 'REJECTED' ? stored(res.body.id) : null), 10_000, 'rejected');
      expect(rejected).toMatchObject({
        statusReasonCode: 'TAG_SHOULD_BE_MARKETING',
        statusReason: expect.stringMatching(/^Meta rejected it: Meta considers it marketing/),
      });
    });

    it('named variables go to Meta as parameter_format NAMED with named examples', async () => {
      await reviewPolicy({ mode: 'approve', delayMs: 5000 });
      const res = await create({
        name: 'named_vars',
        body: 'Hello {{first_name}}, your table for {{party_size}} is ready.',
        examples: { first_name: 'Aiko', party_size: '4' },
        submit: true,
      });
      expect(res.status).toBe(201);
      expect(templateCalls('POST').pop()?.params).toMatchObject({
        parameter_format: 'NAMED',
        components: [
          {
            type: 'BODY',
            example: {
              body_text_named_params: [
                { param_name: 'first_name', example: 'Aiko' },
                { param_name: 'party_size', example: '4' },
              ],
            },
          },
        ],
      });
    });

    it('PAUSED arrives under message_template_status_update too (the other field name); stale webhooks are ignored', async () => {
      const t = await approvedTemplate('pause_me');
      const onMeta = h.sim.context.store.templates.get(t.externalId as string);
      if (onMeta) onMeta.status = 'PAUSED';
      expect((await h.postSigned('/webhooks/facebook', statusWebhook(t, 'PAUSED', Math.floor(Date.now() / 1000)))).status).toBe(200);
      await h.settle();
      expect(await stored(t.id)).toMatchObject({ status: 'PAUSED', statusReason: expect.stringMatching(/paused it/) });
      // an APPROVED sent an hour earlier arrives late: it must not undo the pause
      expect((await h.postSigned('/webhooks/facebook', statusWebhook(t, 'APPROVED', Math.floor(Date.now() / 1000) - 3600))).status).toBe(200);
      await h.settle();
      expect((await stored(t.id)).status).toBe('PAUSED');
    });
    it('a status webhook and a sync that see the same change record it once', async () => {
      const t = await approvedTemplate('webhook_sync_race');
      const onMeta = h.sim.context.store.templates.get(t.externalId as string);
      if (!onMeta) throw new Error('the template is missing on Meta');
      onMeta.status = 'PAUSED';
      const sync = h.t.app.get(TemplateSyncService);
      const page = (await h.t.app.get(TemplatePages).activePages()).find((c) => c.id === pageChannelId);
      if (!page) throw new Error('the Page is not active');
      // the worst interleaving: the webhook has read the template when the sync records the pause
      const body = statusWebhook(t, 'PAUSED', Math.floor(Date.now() / 1000), 'messenger_template_status_update');
      expect(await postStatusRacing(t, body, () => sync.syncChannel(page))).toBe(true);
      expect(await stored(t.id)).toMatchObject({ status: 'PAUSED' });
      // (the approval's own row may land after the status shows: count the changes to PAUSED)
      const changes = (await h.t.dataSource.query('SELECT action, details FROM audit_log WHERE target_id = ? ORDER BY id', [t.id])) as {
        action: string;
        details: string | { status?: string };
      }[];
      const paused = changes.filter((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details).status === 'PAUSED');
      expect(paused.map((r) => r.action)).toEqual(['template.status_changed']);
    });
    it("a repeated status never moves Meta's time back, even when a later one lands while it is applied", async () => {
      const t = await approvedTemplate('meta_time_race');
      const templates = h.t.dataSource.getRepository(MessageTemplateEntity);
      // Meta's times after the approval's (now)
      const now = Math.floor(Date.now() / 1000);
      expect((await h.postSigned('/webhooks/facebook', statusWebhook(t, 'PAUSED', now + 60))).status).toBe(200);
      await h.settle();
      expect((await templates.findOneByOrFail({ id: t.id })).metaStatusAt?.getTime()).toBe((now + 60) * 1000);
      // the repeat (a minute later on Meta) has read the row when a later report is stored by another writer
      const later = new Date((now + 180) * 1000);
      expect(await postStatusRacing(t, statusWebhook(t, 'PAUSED', now + 120), () => templates.update({ id: t.id }, { metaStatusAt: later }))).toBe(true);
      expect((await templates.findOneByOrFail({ id: t.id })).metaStatusAt?.getTime()).toBe((now + 180) * 1000);
    });
  });

  describe('polling and sync (when webhooks do not arrive)', () => {
    it('imports templates made elsewhere, polls a pending one to its result, drops ones deleted on Meta', async () => {
      const sync = h.t.app.get(TemplateSyncService);
      const res = await h.t.http.post('/api/templates/sync').set(admin());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ channels: 1, failures: [] });
      const list = ((await h.t.http.get(`/api/templates?channelId=${pageChannelId}`).set(admin())).body as { items: MessageTemplateDto[] }).items;
      const seeded = list.find((t) => t.name === SIM_SEED.templates.withButtons.name);
      expect(seeded).toMatchObject({
        status: 'APPROVED',
        externalId: SIM_SEED.templates.withButtons.id,
        content: {
          header: { format: 'TEXT', text: 'Delivery update' },
          buttons: [
            { type: 'URL', urlExample: '1001' },
            { type: 'QUICK_REPLY', payload: 'TALK_TO_US' },
          ],
        },
      });
      expect(list.find((t) => t.name === SIM_SEED.templates.rejected.name)).toMatchObject({ status: 'REJECTED', statusReasonCode: 'TAG_SHOULD_BE_MARKETING' });
      const pendingSeed = list.find((t) => t.name === SIM_SEED.templates.pending.name) as MessageTemplateDto;
      expect(pendingSeed.status).toBe('PENDING');
      expect(await auditActions(pendingSeed.id)).toEqual(['template.imported']);

      // no webhook this time: only the poll can find out
      await h.control(`/_sim/subscriptions/${SIM_SEED.page.id}/drop`, {});
      await h.control(`/_sim/templates/${SIM_SEED.templates.pending.id}/review`, { status: 'APPROVED' });
      expect(await sync.pollPending()).toBeGreaterThanOrEqual(1);
      expect(await stored(pendingSeed.id)).toMatchObject({ status: 'APPROVED' });
      expect(await auditActions(pendingSeed.id)).toEqual(['template.imported', 'template.status_changed']);

      // someone deletes a template in Meta's own tools
      const gone = list.find((t) => t.name === SIM_SEED.templates.rejected.name) as MessageTemplateDto;
      const onMeta = h.sim.context.store.templates.get(SIM_SEED.templates.rejected.id);
      if (onMeta) onMeta.deleted = true;
      expect((await sync.syncAll()).removed).toBe(1);
      expect((await h.t.http.get(`/api/templates/${gone.id}`).set(admin())).status).toBe(404);
      // resubscribe for the tests after this one
      expect((await h.t.http.post(`/api/channels/${pageChannelId}/check`).set(admin())).status).toBe(200);
    });

    it('two syncs at once (a refresh during the timed one, or one on another replica) record each change once', async () => {
      const sync = h.t.app.get(TemplateSyncService);
      const repo = h.t.app.get(MessageTemplateRepository);
      const seed = h.sim.context.store.templates.get(SIM_SEED.templates.withButtons.id);
      if (!seed) throw new Error('the seeded template is missing');
      const onMeta = (name: string) => ({
        ...seed,
        id: `${Date.now()}${Math.floor(Math.random() * 1e6)}`,
        name: `race_${name}_${Date.now()}`,
        status: 'APPROVED' as typeof seed.status,
      });
      const pausing = onMeta('pausing');
      const leaving = onMeta('leaving');
      for (const t of [pausing, leaving]) h.sim.context.store.templates.set(t.id, t);
      await sync.syncAll();
      const localId = async (externalId: string): Promise<string> =>
        ((await h.t.dataSource.query('SELECT id FROM message_templates WHERE external_id = ?', [externalId])) as { id: string }[])[0]?.id ?? '';
      const [pausingId, leavingId] = [await localId(pausing.id), await localId(leaving.id)];
      expect([pausingId, leavingId]).toEqual([expect.any(String), expect.any(String)]);

      // Meta pauses one and the other is deleted in Meta's tools, no webhook: both syncs find out
      await h.control(`/_sim/subscriptions/${SIM_SEED.page.id}/drop`, {});
      pausing.status = 'PAUSED';
      leaving.deleted = true;
      const page = (await h.t.app.get(TemplatePages).activePages()).find((c) => c.id === pageChannelId);
      if (!page) throw new Error('the Page is not active');
      // the worst interleaving, every time: each sync has read the rows before either writes
      const bothArrived = () => {
        let arrived = 0;
        let release = () => undefined as void;
        const all = new Promise<void>((resolve) => (release = resolve));
        return () => {
          arrived += 1;
          if (arrived === 2) release();
          return all;
        };
      };
      const readPausing = bothArrived();
      const listedLocal = bothArrived();
      const find = repo.findByExternalId.bind(repo);
      const list = repo.list.bind(repo);
      jest.spyOn(repo, 'findByExternalId').mockImplementation(async (channelId, externalId) => {
        const row = await find(channelId, externalId);
        if (externalId === pausing.id) await readPausing();
        return row;
      });
      jest.spyOn(repo, 'list').mockImplementation(async (filter) => {
        const rows = await list(filter);
        await listedLocal();
        return rows;
      });
      try {
        const [first, second] = await Promise.all([sync.syncChannel(page), sync.syncChannel(page)]);
        expect(first.removed + second.removed).toBe(1);
        expect(first.updated + second.updated).toBe(1);
      } finally {
        jest.restoreAllMocks();
      }
      expect(await stored(pausingId)).toMatchObject({ status: 'PAUSED' });
      expect(await auditActions(pausingId)).toEqual(['template.imported', 'template.status_changed']);
      expect(await auditActions(leavingId)).toEqual(['template.imported', 'template.deleted']);

      // gone from Meta too, for the tests after this one; resubscribed
      pausing.deleted = true;
      expect((await sync.syncAll()).removed).toBe(1);
      expect((await h.t.http.post(`/api/channels/${pageChannelId}/check`).set(admin())).status).toBe(200);
    });
    it('two syncs that find the same lost submit answer link the template once', async () => {
      const sync = h.t.app.get(TemplateSyncService);
      const repo = h.t.app.get(MessageTemplateRepository);
      const seed = h.sim.context.store.templates.get(SIM_SEED.templates.withButtons.id);
      if (!seed) throw new Error('the seeded template is missing');
      const name = `lost_answer_${Date.now()}`;
      // submitted here, Meta created it, but the answer with Meta's id never came back
      const local = await repo.save(
        repo.create({
          channelId: pageChannelId,
          externalId: null,
          name,
          language: seed.language,
          status: TemplateStatus.PENDING,
          statusReasonCode: null,
          content: {
            parameterFormat: 'POSITIONAL',
            header: null,
            body: 'Hi {{1}}, your order has shipped.',
            examples: { '1': 'Jane' },
            footer: null,
            buttons: [],
          },
          libraryTemplateName: null,
          createdById: null,
          submittedAt: new Date(Date.now() - 60_000),
          statusUpdatedAt: null,
          metaStatusAt: null,
        }),
      );
      const onMeta = { ...seed, id: `${Date.now()}${Math.floor(Math.random() * 1e6)}`, name, status: 'APPROVED' as typeof seed.status };
      h.sim.context.store.templates.set(onMeta.id, onMeta);
      const page = (await h.t.app.get(TemplatePages).activePages()).find((c) => c.id === pageChannelId);
      if (!page) throw new Error('the Page is not active');
      // both syncs have found the draft by name before either links it
      let arrived = 0;
      let release = () => undefined as void;
      const both = new Promise<void>((resolve) => (release = resolve));
      const find = repo.findByNameAndLanguage.bind(repo);
      jest.spyOn(repo, 'findByNameAndLanguage').mockImplementation(async (channelId, templateName, language) => {
        const row = await find(channelId, templateName, language);
        if (templateName === name) {
          arrived += 1;
          if (arrived === 2) release();
          await both;
        }
        return row;
      });
      try {
        await Promise.all([sync.syncChannel(page), sync.syncChannel(page)]);
      } finally {
        jest.restoreAllMocks();
      }
      expect(arrived).toBe(2);
      expect(await stored(local.id)).toMatchObject({ status: 'APPROVED', externalId: onMeta.id });
      expect(await auditActions(local.id)).toEqual(['template.linked']);

      // gone from Meta too, for the tests after this one
      onMeta.deleted = true;
      expect((await sync.syncAll()).removed).toBe(1);
    });
  });

  describe("Meta's library", () => {
    it('lists library templates and clones one, approved by Meta', async () => {
      const library = await h.t.http.get(`/api/templates/library?channelId=${pageChannelId}&search=order&language=en_US`).set(admin());
      expect(library.status).toBe(200);
      const source = (library.body.items as { name: string; content: { body: string; examples: Record<string, string> } }[]).find(
        (t) => t.name === 'order_confirmation',
      );
      expect(source?.content).toMatchObject({ body: expect.stringContaining('{{1}}'), examples: { '1': 'Jane', '2': '#1001' } });

      await reviewPolicy({ mode: 'auto', delayMs: 50 });
      const clone = await h.t.http
        .post('/api/templates/clone')
        .set(admin())
        .send({ channelId: pageChannelId, libraryTemplateName: 'order_confirmation', language: 'en_US', name: 'order_confirmation_copy' });
      expect(clone.status).toBe(201);
      expect(clone.body).toMatchObject({ status: 'PENDING', libraryTemplateName: 'order_confirmation', content: source?.content });
      expect(templateCalls('POST').pop()?.params).toMatchObject({
        library_template_name: 'order_confirmation',
        category: 'UTILITY',
        name: 'order_confirmation_copy',
      });
      await h.settle();
      await waitFor(async () => (await stored(clone.body.id)).status === 'APPROVED', 10_000, 'clone approved');
      expect(await auditActions(clone.body.id)).toEqual(['template.cloned', 'template.status_changed']);

      const missing = await h.t.http
        .post('/api/templates/clone')
        .set(admin())
        .send({ channelId: pageChannelId, libraryTemplateName: 'no_such_template', language: 'en_US', name: 'nothing_here' });
      expect([missing.status, missing.body.code]).toEqual([404, 'TEMPLATE_LIBRARY_NOT_FOUND']);
    });
  });

  describe('access: agents read approved templates only and manage nothing', () => {
    it('agents get 403 on every admin route, see approved templates only, and 404 for the others', async () => {
      const approved = await approvedTemplate('agent_visible');
      const draft = await create(valid('agent_hidden'));
      const routes: [string, string, object?][] = [
        ['post', '/api/templates', valid('by_agent')],
        ['patch', `/api/templates/${draft.body.id}`, { footer: 'x' }],
        ['post', `/api/templates/${draft.body.id}/submit`],
        ['delete', `/api/templates/${approved.id}`],
        ['get', '/api/templates/library'],
        ['post', '/api/templates/clone', { channelId: pageChannelId, libraryTemplateName: 'order_confirmation', language: 'en_US', name: 'agent_clone' }],
        ['post', '/api/templates/sync'],
      ];
      for (const [method, path, body] of routes) {
        const req = (h.t.http as unknown as Record<string, (p: string) => import('supertest').Test>)[method](path).set(bearer(agent));
        const res = body ? await req.send(body) : await req;
        expect([path, res.status]).toEqual([path, 403]);
      }
      const listed = ((await h.t.http.get('/api/templates').set(bearer(agent))).body as { items: MessageTemplateDto[] }).items;
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((t) => t.status === 'APPROVED')).toBe(true);
      expect(listed.map((t) => t.id)).toContain(approved.id);
      expect((await h.t.http.get(`/api/templates/${draft.body.id}`).set(bearer(agent))).status).toBe(404);
      expect((await h.t.http.get('/api/templates?status=PENDING').set(bearer(agent))).body.items).toEqual([]);
      expect((await h.t.http.get('/api/templates').set(bearer(agent)).query({ status: 'NOPE' })).status).toBe(400);
    });
  });

  describe('sending a template (Aiko, 8 days since her last message)', () => {
    let aiko: string;
    let order: MessageTemplateDto;

    beforeAll(async () => {
      order = await approvedTemplate('order_ready', { body: 'Hi {{1}}, your order {{2}} is ready for pickup today.' });
      aiko = await conversationWith(AIKO, 24 * 8);
    });

    it('reply-policy lists usable templates and why others are not (agents: approved ones only)', async () => {
      await create(valid('still_a_draft'));
      const forAdmin = (await h.t.http.get(`/api/conversations/${aiko}/reply-policy`).set(admin())).body as ReplyPolicyResponse;
      expect(forAdmin).toMatchObject({ mode: 'template_required', cause: 'HUMAN_AGENT_EXPIRED' });
      const usable = forAdmin.templates?.filter((o) => o.usable) ?? [];
      expect(forAdmin.mode === 'template_required' && forAdmin.approvedUtilityTemplates).toBe(usable.length);
      expect(usable.map((o) => o.template.id)).toContain(order.id);
      expect(forAdmin.templates?.find((o) => o.template.name === 'still_a_draft')).toMatchObject({ usable: false, reason: 'Not submitted to Meta yet.' });
      expect(forAdmin.templates?.find((o) => o.template.name === 'rejected_one')).toMatchObject({ usable: false, reason: expect.stringMatching(/rejected/) });

      const forAgent = (await h.t.http.get(`/api/conversations/${aiko}/reply-policy`).set(bearer(agent))).body as ReplyPolicyResponse;
      expect(forAgent.templates?.every((o) => o.template.status === 'APPROVED')).toBe(true);
      expect(forAgent.templates?.map((o) => o.template.name)).not.toContain('pause_me');
      expect(forAdmin.templates?.find((o) => o.template.name === 'pause_me')).toMatchObject({ usable: false, reason: expect.stringMatching(/paused it/) });
    });

    it('goes out as UTILITY with the values, idempotently, and shows as the template’s text', async () => {
      const key = randomUUID();
      const before = graphSends().length;
      const body = { template: { id: order.id, parameters: ['Aiko', '#1042'] } };
      const res = await h.t.http.post(`/api/conversations/${aiko}/messages`).set(admin()).set('Idempotency-Key', key).send(body);
      expect(res.status).toBe(201);
      const { message } = res.body as SendMessageResponse;
      expect(message).toMatchObject({
        status: SENT,
        text: 'Hi Aiko, your order #1042 is ready for pickup today.',
        template: { id: order.id, name: 'order_ready', language: 'en_US' },
        mid: expect.any(String),
      });
      const call = graphSends().slice(before);
      expect(call).toHaveLength(1);
      expect(call[0].params).toMatchObject({
        messaging_type: 'UTILITY',
        recipient: { id: AIKO },
        message: {
          metadata: key,
          template: {
            name: 'order_ready',
            language: { code: 'en_US' },
            components: [
              {
                type: 'body',
                parameters: [
                  { type: 'text', text: 'Aiko' },
                  { type: 'text', text: '#1042' },
                ],
              },
            ],
          },
        },
      });
      const inbox = await h.control<{ messages: { text?: string }[] }>(`/_sim/customers/${AIKO}/inbox`);
      expect(inbox.messages.map((m) => m.text)).toContain('Hi Aiko, your order #1042 is ready for pickup today.');

      const replay = await h.t.http.post(`/api/conversations/${aiko}/messages`).set(admin()).set('Idempotency-Key', key).send(body);
      expect(replay.body).toMatchObject({ replayed: true, message: { id: message.id } });
      expect(graphSends()).toHaveLength(before + 1);
      await h.settle();
      const rows = await h.count("SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND text LIKE 'Hi Aiko, your order #1042%'", [aiko]);
      expect(rows).toBe(1);
    });

    it('fills a link button’s suffix (seeded delivery_update_card) and named variables by name', async () => {
      const card = ((await h.t.http.get('/api/templates?search=delivery_update_card').set(admin())).body.items as MessageTemplateDto[])[0];
      const res = await h.t.http
        .post(`/api/conversations/${aiko}/messages`)
        .set(admin())
        .set('Idempotency-Key', randomUUID())
        .send({ template: { id: card.id, parameters: ['Aiko', '#7', 'Friday'], urlSuffix: '7' } });
      expect(res.body.message).toMatchObject({ status: SENT, text: 'Hi Aiko, your order #7 arrives on Friday.' });
      expect(graphSends().pop()?.params['message']).toMatchObject({
        template: { components: [{ type: 'body' }, { type: 'buttons', parameters: [{ type: 'URL', url: '7' }] }] },
      });

      const named = await approvedTemplate('table_ready', {
        body: 'Hello {{first_name}}, your table for {{party_size}} is ready.',
        examples: { first_name: 'Aiko', party_size: '4' },
      });
      const sent = await h.t.http
        .post(`/api/conversations/${aiko}/messages`)
        .set(admin())
        .set('Idempotency-Key', randomUUID())
        .send({ template: { id: named.id, parameters: { party_size: '2', first_name: 'Aiko' } } });
      expect(sent.body.message).toMatchObject({ status: SENT, text: 'Hello Aiko, your table for 2 is ready.' });
      expect(graphSends().pop()?.params['message']).toMatchObject({
        template: {
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Aiko', parameter_name: 'first_name' },
                { type: 'text', text: '2', parameter_name: 'party_size' },
              ],
            },
          ],
        },
      });
    });

    it.each<[string, (ids: { order: string; draft?: string }) => object, number, string]>([
      ['values that do not match the variables', ({ order }) => ({ template: { id: order, parameters: ['Aiko'] } }), 400, 'template.parameters'],
      ['an object for a numbered template', ({ order }) => ({ template: { id: order, parameters: { '1': 'Aiko', '2': '#1' } } }), 400, 'template.parameters'],
      ['text together with a template', ({ order }) => ({ text: 'hi', template: { id: order, parameters: ['Aiko', '#1'] } }), 400, 'template'],
      ['an unknown template', () => ({ template: { id: randomUUID(), parameters: [] } }), 422, 'TEMPLATE_NOT_USABLE'],
    ])('refuses %s and sends nothing', async (_case, bodyOf, status, code) => {
      const before = graphSends().length;
      const res = await h.t.http
        .post(`/api/conversations/${aiko}/messages`)
        .set(admin())
        .set('Idempotency-Key', randomUUID())
        .send(bodyOf({ order: order.id }));
      expect(res.status).toBe(status);
      if (status === 400) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(code);
      else expect(res.body.code).toBe(code);
      expect(graphSends()).toHaveLength(before);
    });

    it('a template Meta has not approved is refused with the reason; free text still needs a template', async () => {
      const draft = await create(valid('not_yet'));
      const res = await h.t.http
        .post(`/api/conversations/${aiko}/messages`)
        .set(bearer(agent))
        .set('Idempotency-Key', randomUUID())
        .send({ template: { id: draft.body.id, parameters: ['a', 'b'] } });
      expect([res.status, res.body.code]).toEqual([422, 'TEMPLATE_NOT_USABLE']);
      expect(res.body.message).toMatch(/not_yet cannot be sent here: Not submitted to Meta yet/);
      const text = await h.t.http.post(`/api/conversations/${aiko}/messages`).set(admin()).set('Idempotency-Key', randomUUID()).send({ text: 'free text' });
      expect([text.status, text.body.code]).toEqual([422, 'MESSAGING_TEMPLATE_REQUIRED']);
    });

    it('on Instagram a template is a field error', async () => {
      const ig = await conversationWith(SIM_SEED.instagramCustomers[0].igsid, 1);
      const res = await h.t.http
        .post(`/api/conversations/${ig}/messages`)
        .set(admin())
        .set('Idempotency-Key', randomUUID())
        .send({ template: { id: order.id, parameters: ['a', 'b'] } });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'template', messages: [expect.stringMatching(/only on Messenger/)] });
    });

    it("Meta's error is shown in plain words; a retry sends the same template and values", async () => {
      h.sim.addFault({ pattern: `POST /${SIM_SEED.page.id}/messages`, code: 551, times: 1 });
      const res = await h.t.http
        .post(`/api/conversations/${aiko}/messages`)
        .set(admin())
        .set('Idempotency-Key', randomUUID())
        .send({ template: { id: order.id, parameters: ['Aiko', '#9'] } });
      expect(res.body.message).toMatchObject({ status: 'failed', errorCode: '551', errorMessage: expect.stringMatching(/can't receive your messages/) });
      const retried = await h.t.http.post(`/api/conversations/${aiko}/messages/${res.body.message.id}/retry`).set(admin());
      expect(retried.status).toBe(200);
      expect(retried.body.message).toMatchObject({ status: SENT, text: 'Hi Aiko, your order #9 is ready for pickup today.' });
      expect(graphSends().pop()?.params).toMatchObject({
        messaging_type: 'UTILITY',
        message: { template: { name: 'order_ready', components: [{ parameters: [{ text: 'Aiko' }, { text: '#9' }] }] } },
      });
    });

    it('deleting a template deletes it on Meta (by hsm_id) and here', async () => {
      const t = await approvedTemplate('to_delete');
      const res = await h.t.http.delete(`/api/templates/${t.id}`).set(admin());
      expect(res.status).toBe(204);
      expect(templateCalls('DELETE').pop()?.params).toMatchObject({ hsm_id: t.externalId });
      expect((await h.t.http.get(`/api/templates/${t.id}`).set(admin())).status).toBe(404);
      expect(await auditActions(t.id)).toContain('template.deleted');
    });
  });
});
