import { ClientToServerEvents, ServerToClientEvents } from '@ticklegram/domain-models';
import { MetaSimOptions, RunningMetaSim, startMetaSim } from '@ticklegram/meta-sim';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { freePort } from './free-port';
import { join, resolve } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from './test-database';
import { CustomerStream, waitFor } from './webhooks-harness';

/**
 * The built api as real OS processes, for tests that SIGKILL it: one database (a SQLite file, or a
 * fresh MySQL/MariaDB database when TEST_DATABASE_URL is set) that every process and the test share.
 */
export const ROOT = resolve(__dirname, '../../../..');
const BUILT = join(ROOT, 'dist/apps/api/main.js');

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
  /** A read; retried for up to `retryReadsMs` while the database does not answer, when that is set. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  count(sql: string, params?: unknown[]): Promise<number>;
  /** How many message rows each mid has, among the messages whose text is LIKE `textLike`. */
  messagesPerMid(textLike: string): Promise<Map<string, number>>;
  close(): Promise<void>;
}

export interface SharedDatabaseOptions {
  /** A MySQL/MariaDB server of the test's own (default: TEST_DATABASE_URL, else SQLite). */
  serverUrl?: string;
  /** For a test that kills the database: its own connection dies with the server too. */
  retryReadsMs?: number;
}

/**
 * A read-only SQLite reader of a WAL database whose writer was SIGKILLed and is starting again can briefly fail to open
 * the WAL files ("unable to open database file", seen once on a loaded CI machine): the observer retries that alone.
 */
const SQLITE_REOPEN_MS = 10_000;
const sqliteCannotOpen = (error: unknown) => error instanceof Error && /unable to open database file|SQLITE_CANTOPEN/.test(error.message);

async function retryingCannotOpen<T>(read: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + SQLITE_REOPEN_MS;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (!sqliteCannotOpen(error) || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function sharedDatabase(options: SharedDatabaseOptions = {}): Promise<{ db: TestDatabase; connect: () => Promise<SharedDatabase> }> {
  const db = await createTestDatabase(options.serverUrl);
  return {
    db,
    async connect() {
      const connection = await retryingCannotOpen(() =>
        (db.url
          ? new DataSource({ type: 'mysql', url: db.url, timezone: 'Z' })
          : new DataSource({ type: 'better-sqlite3', database: join(db.dataDir, 'ticklegram.sqlite'), readonly: true, timeout: 5000 })
        ).initialize(),
      );
      const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
        if (!options.retryReadsMs) return db.url ? connection.query(sql, params) : retryingCannotOpen(() => connection.query(sql, params));
        const answered = (): Promise<{ rows: T[] } | null> =>
          connection
            .query(sql, params)
            .then((rows: T[]) => ({ rows }))
            .catch(() => null);
        return (await waitFor(answered, options.retryReadsMs, sql)).rows;
      };
      return {
        db,
        connection,
        query,
        async count(sql, params = []) {
          const rows = await query<{ n: number | string }>(sql, params);
          return Number(rows[0]?.n ?? 0);
        },
        async messagesPerMid(textLike) {
          const rows = await query<{ mid: string; n: number | string }>('SELECT mid, COUNT(*) AS n FROM messages WHERE text LIKE ? GROUP BY mid', [textLike]);
          return new Map(rows.map((r) => [r.mid, Number(r.n)]));
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

/** Meta as the process tests need it: it retries for minutes (on a loaded machine an api can take a while to boot again). */
export const PATIENT_META: MetaSimOptions = {
  port: 0,
  deliveryDelayMs: 5,
  retryDelaysMs: [200, 400, 800, 1500, 2500, 4000, 6000, 8000, 10000, 15000, 20000, 30000, 30000],
  webhookTimeoutMs: 5000,
};

export interface ClusterLayout {
  /** How many api processes share the database (default 1). */
  replicas?: number;
  /** Env of every replica, on top of `sharedEnv`. */
  env?: Record<string, string>;
  /** The admin the api creates at boot. */
  admin?: { email: string; password: string };
}

export interface ClusterOptions extends SharedDatabaseOptions {
  /** The replicas and their env; a function when they depend on the database (SQLite or MySQL). */
  layout?: ClusterLayout | ((db: TestDatabase) => ClusterLayout);
}

/**
 * Built api replicas on one shared database, with the simulator delivering to them: Instagram webhooks
 * to the first replica, Page webhooks to the last (the same one when there is only one). `close()` undoes
 * whatever `start()` got to.
 */
export class ApiCluster {
  readonly replicas: ApiProcess[] = [];
  private build: ReturnType<typeof builtApi> | null = null;
  private db: TestDatabase | null = null;
  private startedSim: RunningMetaSim | null = null;
  private connected: SharedDatabase | null = null;

  constructor(private readonly options: ClusterOptions = {}) {}

  get sim(): RunningMetaSim {
    if (!this.startedSim) throw new Error('the cluster is not started');
    return this.startedSim;
  }

  get shared(): SharedDatabase {
    if (!this.connected) throw new Error('the cluster is not started');
    return this.connected;
  }

  get mysql(): boolean {
    return this.db?.kind === 'mysql';
  }

  async start(): Promise<void> {
    this.build = builtApi();
    const { db, connect } = await sharedDatabase(this.options);
    this.db = db;
    const layout = typeof this.options.layout === 'function' ? this.options.layout(db) : (this.options.layout ?? {});
    const sim = (this.startedSim = await startMetaSim(PATIENT_META));
    const admin: Record<string, string> = layout.admin ? { ADMIN_EMAIL: layout.admin.email, ADMIN_PASSWORD: layout.admin.password } : {};
    const env = { ...sharedEnv(db, sim.url), ...admin, ...layout.env };
    for (let i = 0; i < (layout.replicas ?? 1); i += 1) this.replicas.push(new ApiProcess(this.build.file, await freePort(), env));
    // one replica connects the sandbox channels first; the others find them there
    await this.replicas[0].start();
    const shared = (this.connected = await connect());
    await waitFor(
      async () =>
        (await shared.count('SELECT COUNT(*) AS n FROM facebook_pages')) > 0 && (await shared.count('SELECT COUNT(*) AS n FROM instagram_accounts')) > 0,
      45_000,
      'the sandbox channels',
    );
    for (const replica of this.replicas.slice(1)) await replica.start();
    const last = this.replicas[this.replicas.length - 1];
    sim.setWebhookUrls({ instagram: `${this.replicas[0].url}/webhooks/instagram`, page: `${last.url}/webhooks/facebook` });
  }

  /** A stream of customer messages sent through this cluster's simulator. */
  stream(prefix: string): CustomerStream {
    return new CustomerStream(this.sim, prefix);
  }

  /** Waits until Meta delivered everything and no webhook row is left pending, processing or failed. */
  async drain(timeoutMs: number): Promise<void> {
    await this.sim.flushWebhooks();
    const open = `SELECT COUNT(*) AS n FROM webhook_events WHERE status IN ('pending','processing','failed')`;
    await waitFor(async () => (await this.shared.count(open)) === 0, timeoutMs, 'the workers to drain');
  }

  /** What became of a stream once drained: refused deliveries, mids never acknowledged, mids not applied exactly once, dead rows. */
  async outcome(stream: CustomerStream): Promise<{ refused: number; unacknowledged: string[]; notAppliedOnce: string[]; applied: number; dead: number }> {
    const counts = await this.shared.messagesPerMid(`${stream.prefix}-%`);
    return {
      refused: this.sim.deliveries().filter((d) => !d.ok).length,
      unacknowledged: stream.unacknowledged(),
      notAppliedOnce: stream.sent.filter((mid) => counts.get(mid) !== 1),
      applied: counts.size,
      dead: await this.shared.count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status = 'dead'`),
    };
  }

  async close(): Promise<void> {
    for (const replica of this.replicas) replica.kill();
    if (this.connected) await this.connected.close().catch(() => undefined);
    else await this.db?.drop().catch(() => undefined);
    await this.startedSim?.close();
    this.build?.dispose();
  }
}

/** A dashboard's socket on one api process, logged in as `admin` (it connects in the background). */
export async function dashboardSocket(
  api: ApiProcess,
  admin: { email: string; password: string },
): Promise<{ accessToken: string; socket: Socket<ServerToClientEvents, ClientToServerEvents> }> {
  const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(api.url, {
    transports: ['websocket'],
    auth: { token: accessToken },
    reconnectionDelayMax: 1000,
    forceNew: true,
  });
  return { accessToken, socket };
}
