import { startMetaSim } from './index';

/** CLI: `node dist/tools/meta-sim/main.js` (env: META_SIM_PORT, META_SIM_HOST, FACEBOOK_APP_ID, …). */
async function main(): Promise<void> {
  const env = process.env;
  const sim = await startMetaSim({
    port: Number(env['META_SIM_PORT'] ?? 3002),
    host: env['META_SIM_HOST'] ?? '127.0.0.1',
    appId: env['FACEBOOK_APP_ID'] || undefined,
    appSecret: env['FACEBOOK_APP_SECRET'] || undefined,
    verifyToken: env['META_WEBHOOK_VERIFY_TOKEN'] || undefined,
    publicUrl: env['META_SIM_PUBLIC_URL'] || undefined,
    webhooks: {
      instagram: env['META_SIM_WEBHOOK_INSTAGRAM_URL'] ?? 'http://127.0.0.1:3001/webhooks/instagram',
      page: env['META_SIM_WEBHOOK_FACEBOOK_URL'] ?? 'http://127.0.0.1:3001/webhooks/facebook',
    },
    deliveryDelayMs: env['META_SIM_DELIVERY_DELAY_MS'] ? Number(env['META_SIM_DELIVERY_DELAY_MS']) : 200,
    requireAppSecretProof: env['META_SIM_REQUIRE_APPSECRET_PROOF'] === 'false' ? false : true,
  });
  console.log(`[meta-sim] listening on ${sim.url}`);
  console.log(`[meta-sim] graphBaseUrl=${sim.graphBaseUrl} instagramBaseUrl=${sim.instagramBaseUrl}`);
  console.log(`[meta-sim] customer phone: ${sim.url}/phone  control API: ${sim.url}/_sim`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('[meta-sim] failed to start', err);
  process.exit(1);
});
