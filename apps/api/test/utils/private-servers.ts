import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { waitFor } from './webhooks-harness';

/**
 * Servers of a chaos suite's own, which it stops and restarts: the machine's MariaDB and Redis are shared
 * with other work and must never be touched. Ports from the chaos block (MariaDB 4315, Redis 4316); data
 * under a temp directory removed by `dispose()`.
 */
abstract class PrivateServer {
  protected child: ChildProcess | null = null;
  protected readonly dir: string;

  constructor(
    readonly port: number,
    name: string,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), `tg-chaos-${name}-`));
  }

  get running(): boolean {
    return this.child !== null;
  }

  protected abstract command(): [string, string[]];
  protected abstract ready(): Promise<boolean>;

  async start(): Promise<void> {
    const [bin, args] = this.command();
    const child = spawn(bin, args, { stdio: 'ignore' });
    this.child = child;
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    await waitFor(
      async () => {
        if (!this.child) throw new Error(`${bin} on port ${this.port} exited during start`);
        return this.ready().catch(() => false);
      },
      60_000,
      `${bin} on port ${this.port}`,
    );
  }

  /** SIGKILL (a crash) by default; resolves once the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A private `mariadbd` (no grant tables: a throwaway server on the loopback) with a database `test`. */
export class PrivateMariadb extends PrivateServer {
  constructor(port = 4315) {
    super(port, 'mariadb');
    execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${join(this.dir, 'data')}`, '--skip-test-db', '--user=root'], { stdio: 'ignore' });
  }

  /** TEST_DATABASE_URL for `createTestDatabase`: each test file creates its own database on it. */
  get url(): string {
    return `mariadb://root@127.0.0.1:${this.port}/test`;
  }

  protected command(): [string, string[]] {
    return [
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mysqld.sock')}`,
        `--pid-file=${join(this.dir, 'mysqld.pid')}`,
        '--skip-grant-tables',
        '--skip-name-resolve',
        '--user=root',
        '--innodb-buffer-pool-size=64M',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
      ],
    ];
  }

  protected async ready(): Promise<boolean> {
    const conn = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root' });
    await conn.query('CREATE DATABASE IF NOT EXISTS test');
    await conn.end();
    return true;
  }
}

/** A private `redis-server` without persistence: a restart comes back empty, like a replaced Redis. */
export class PrivateRedis extends PrivateServer {
  constructor(port = 4316) {
    super(port, 'redis');
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  protected command(): [string, string[]] {
    return ['redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir]];
  }

  protected ready(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = tcpConnect(this.port, '127.0.0.1');
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('error', () => resolve(false));
    });
  }
}
