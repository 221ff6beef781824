import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigValidationError } from './config/config.exception';
import { loadConfig } from './config/load-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.http.port, config.http.host);
  process.stdout.write(`TickleGram api (${config.mode}, API_ROLE=${config.role}) listening on http://localhost:${config.http.port}/api — docs at /api/docs\n`);
}

void main();
