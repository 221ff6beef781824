import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from './test-database';
import { waitFor } from './webhooks-harness';

/**
 * The built api as real OS processes, for tests that SIGKILL it: one database (a SQLite file, or a
 * fresh MySQL/MariaDB database when TEST_DATABASE_URL is set) that every process and the test share.
 */
export const ROOT = resolve(__dirname, '../../../..');
const BUILT = join(ROOT, 'dist/apps/api/main.js');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Builds the api unless TG_SKIP_API_BUILD=1 and a build exists; returns a private copy (another build cleaning dist/ must not pull it away). */
export function builtApi(): { file: string; dispose: () => void } {
  if (process.env['TG_SKIP_API_BUILD'] !== '1' || !existsSync(BUILT)) {
    execFileSync('npx', ['nx', 'build', 'api'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NX_DAEMON: 'false' } });
  }
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'tmp', 'tg-proc-'));
  copyFileSync(BUILT, join(dir, 'main.js'));
  return { file: join(dir, 'main.js'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SharedDatabase {
  db: TestDatabase;
  /** A connection of the test's own (read-only on SQLite: WAL readers never block the api's writer). */
  connection: DataSource;
  count(sql: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

export async function sharedDatabase(): Promise<{ db: TestDatabase; connect: () => Promise<SharedDatabase> }> {
  const db = await createTestDatabase();
  return {
    db,
    async connect() {
      const connection = await (
        db.url
          ? new DataSource({ type: 'mysql', url: db.url, timezone: 'Z' })
          : new DataSource({ type: 'better-sqlite3', database: join(db.dataDir, 'ticklegram.sqlite'), readonly: true, timeout: 5000 })
      ).initialize();
      return {
        db,
        connection,
        async count(sql, params = []) {
          const rows: { n: number | string }[] = await connection.query(sql, params);
          return Number(rows[0]?.n ?? 0);
        },
        async close() {
          await connection.destroy();
          await db.drop();
        },
      };
    },
  };
}

/** One api process on its own port; `kill()` is SIGKILL (no shutdown hooks run). */
export class ApiProcess {
  private child: ChildProcess | null = null;
  readonly url: string;

  constructor(
    private readonly main: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [this.main], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        APP_MODE: 'sandbox',
        API_HOST: '127.0.0.1',
        API_PORT: String(this.port),
        LOG_LEVEL: 'silent',
        ...this.env,
      },
      stdio: 'ignore',
    });
    const child = this.child;
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    await waitFor(
      async () => {
        if (!this.child) throw new Error(`the api on port ${this.port} exited during start`);
        try {
          return (await fetch(`${this.url}/api/health`)).status === 200;
        } catch {
          return false;
        }
      },
      180_000,
      `the api on port ${this.port} to listen`,
    );
  }

  kill(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }
}

/** The env every process of one shared database needs (sandbox secrets live in DATA_DIR, so they share it too). */
export function sharedEnv(db: TestDatabase, simUrl: string): Record<string, string> {
  return {
    DATA_DIR: db.dataDir,
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    META_SIM_URL: simUrl,
    SANDBOX_AUTOCONNECT: 'true',
    WEBHOOK_POLL_INTERVAL_MS: '50',
    MEDIA_DOWNLOAD_ON_INGEST: 'false',
    // these would call the sim in the background and compete for the database
    INSIGHTS_SYNC_ENABLED: 'false',
    COMMENTS_BACKFILL_ON_CONNECT: 'false',
    HISTORY_IMPORT_ON_CONNECT: 'false',
    // the sandbox's ad click would add a webhook the crash tests did not send
    CAPI_SANDBOX_SEED: 'false',
  };
}
