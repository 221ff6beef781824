import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { GraphAuth, InsightsMetricError, MetaGraphClient, MetaGraphError, collect } from '../index';
import { clearSimRequests, control, simClient, simRequests } from './sim-harness';

describe('Insights and templates against the Meta simulator', () => {
  let sim: RunningMetaSim;
  let client: MetaGraphClient;
  const page: GraphAuth = { accessToken: SIM_SEED.page.accessToken };

  beforeAll(async () => {
    sim = await startMetaSim({ port: 0, templateReviewMs: 60_000 });
    client = simClient(sim).client;
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });
  beforeEach(() => clearSimRequests(sim));

  describe('insights', () => {
    it('reads account insights with the current metric names and total_value', async () => {
      const res = await client.insights.getAccountInsights(page, SIM_SEED.instagram.id);
      expect(res.data.map((m) => m.name).sort()).toEqual([
        'accounts_engaged',
        'follows_and_unfollows',
        'profile_links_taps',
        'reach',
        'total_interactions',
        'views',
      ]);
      expect(res.data[0]?.total_value?.value).toEqual(expect.any(Number));
      const [req] = await simRequests(sim, '/insights');
      expect(req?.params).toMatchObject({
        period: 'day',
        metric_type: 'total_value',
        metric: 'reach,views,accounts_engaged,total_interactions,follows_and_unfollows,profile_links_taps',
      });
    });

    it('reads account insights on graph.instagram.com with an Instagram Login token', async () => {
      const res = await client.insights.getAccountInsights(
        { accessToken: SIM_SEED.instagramLogin.accessToken, host: 'instagram' },
        SIM_SEED.instagramLogin.id,
        { metrics: ['reach', 'views'] },
      );
      expect(res.data.map((m) => m.name)).toEqual(['reach', 'views']);
    });

    it('reads media and story insights', async () => {
      const media = await client.insights.getMediaInsights(page, SIM_SEED.media.post, ['views', 'reach', 'likes', 'saved']);
      expect(media.data.map((m) => [m.name, typeof m.values?.[0]?.value])).toEqual([
        ['views', 'number'],
        ['reach', 'number'],
        ['likes', 'number'],
        ['saved', 'number'],
      ]);
      const story = await client.insights.getStoryInsights(page, SIM_SEED.media.story, ['reach', 'views']);
      expect(story.data.map((m) => m.name)).toEqual(['reach', 'views']);
      // the seeded story has fewer than 5 replies: Meta answers (#10) "Not enough viewers"
      const few = (await client.insights.getStoryInsights(page, SIM_SEED.media.story, ['replies']).catch((e: unknown) => e)) as MetaGraphError;
      expect([few.kind, few.code]).toEqual(['permission', 10]);
    });

    it('lists the live stories of an account', async () => {
      const stories = await client.insights.listStories(page, SIM_SEED.instagram.id);
      expect(stories.data.map((s) => [s.id, s.media_product_type])).toContainEqual([SIM_SEED.media.story, 'STORY']);
      expect(stories.data.every((s) => s.media_product_type === 'STORY')).toBe(true);
      const [req] = await simRequests(sim, '/stories');
      expect(req?.params['fields']).toContain('media_url');
    });

    it('refuses deprecated metrics before calling Meta', async () => {
      const call = client.insights.getMediaInsights(page, SIM_SEED.media.reel, ['plays' as never, 'views']);
      await expect(call).rejects.toBeInstanceOf(InsightsMetricError);
      await expect(client.insights.getAccountInsights(page, SIM_SEED.instagram.id, { metrics: ['impressions' as never] })).rejects.toThrow(/impressions/);
      expect(await simRequests(sim, '/insights')).toHaveLength(0);
    });
  });

  describe('utility templates', () => {
    it('submits a template, sees it PENDING, then APPROVED after review', async () => {
      const created = await client.templates.submitTemplate(page, SIM_SEED.page.id, {
        name: 'delivery_window_update',
        language: 'en_US',
        components: [
          { type: 'BODY', text: 'Hi {{1}}, your delivery arrives between {{2}} and {{3}} today.', example: { body_text: [['Jane', '9:00', '11:00']] } },
        ],
      });
      expect(created).toMatchObject({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });
      const [req] = await simRequests(sim, '/message_templates');
      expect(req?.params).toMatchObject({ name: 'delivery_window_update', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY' }] });
      expect((await client.templates.getTemplateStatus(page, created.id)).status).toBe('PENDING');
      await control(sim, 'POST', `/templates/${created.id}/review`, { status: 'APPROVED' });
      expect(await client.templates.getTemplateStatus(page, created.id)).toMatchObject({ id: created.id, name: 'delivery_window_update', status: 'APPROVED' });
      expect(await client.templates.deleteTemplate(page, SIM_SEED.page.id, { hsmId: created.id })).toEqual({ success: true });
      expect((await simRequests(sim, '/message_templates')).find((r) => r.method === 'DELETE')?.params['hsm_id']).toBe(created.id);
      expect((await client.templates.listTemplates(page, SIM_SEED.page.id, { name: 'delivery_window_update' })).data).toHaveLength(0);
    });

    it('lists templates (filtered and iterated) and deletes by name', async () => {
      const approved = await client.templates.listTemplates(page, SIM_SEED.page.id, { name: SIM_SEED.templates.approved.name });
      expect(approved.data).toEqual([expect.objectContaining({ id: SIM_SEED.templates.approved.id, status: 'APPROVED' })]);
      const all = await collect(client.templates.iterateTemplates(page, SIM_SEED.page.id, { limit: 1 }));
      expect(all.map((t) => t.id)).toEqual(expect.arrayContaining([SIM_SEED.templates.approved.id, SIM_SEED.templates.pending.id]));
      expect(await client.templates.deleteTemplate(page, SIM_SEED.page.id, { name: SIM_SEED.templates.pending.name })).toEqual({ success: true });
      const after = await client.templates.listTemplates(page, SIM_SEED.page.id, { name: SIM_SEED.templates.pending.name });
      expect(after.data).toHaveLength(0);
    });

    it('clones a library template', async () => {
      const cloned = await client.templates.cloneLibraryTemplate(page, SIM_SEED.page.id, {
        name: 'order_confirmed_copy',
        language: 'en_US',
        libraryTemplateName: 'order_confirmation',
      });
      expect(cloned).toMatchObject({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });
      const [req] = await simRequests(sim, '/message_templates');
      expect(req?.params).toMatchObject({ library_template_name: 'order_confirmation', category: 'UTILITY' });
    });

    it("lists Meta's template library, filtered by name or content and language", async () => {
      const library = await client.templates.listLibraryTemplates(page, { nameOrContent: 'order', language: 'en_US' });
      expect(library.data.map((t) => t['name'])).toContain('order_confirmation');
      expect(library.data.every((t) => t['language'] === 'en_US')).toBe(true);
      const [req] = await simRequests(sim, '/message_template_library');
      expect(req?.params).toMatchObject({ name_or_content: 'order', language: 'en_US' });
    });

    it('a rejected submission is an invalid request (QUICK_REPLY buttons, 2018416)', async () => {
      const error = (await client.templates
        .submitTemplate(page, SIM_SEED.page.id, {
          name: 'bad_buttons',
          language: 'en_US',
          components: [
            { type: 'BODY', text: 'Your order {{1}} has shipped, track it below.' },
            { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Ok' } as never] },
          ],
        })
        .catch((e: unknown) => e)) as MetaGraphError;
      expect(error.kind).toBe('invalid_request');
      expect(error.subcode).toBe(2018416);
    });
  });
});
