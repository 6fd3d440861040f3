/**
 * A throwaway PostgreSQL cluster for tests: Debian's binaries under /usr/lib/postgresql/<v>/bin, a temp data
 * directory, a random loopback port, no Unix socket, trust auth. PostgreSQL refuses to run as root, so as root
 * everything runs as the `postgres` user through `runuser`.
 *
 * Without the binaries, suites are skipped locally with a visible message, and fail under CI (which installs
 * Debian's `postgresql`), so a missing PostgreSQL can never turn a CI run green by skipping.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The bin directory of the newest installed PostgreSQL, or null. */
export function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')) && existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

export const POSTGRES_MISSING_MESSAGE =
  'PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: skipping the PostgreSQL suite (apt-get install -y postgresql to run it)';

/**
 * Whether the PostgreSQL suites can run. Under CI a missing PostgreSQL throws instead of skipping; locally it prints
 * why the suite is skipped.
 */
export function postgresAvailable(): boolean {
  if (postgresBinDir()) return true;
  if (process.env.CI) throw new Error(`CI is set but ${POSTGRES_MISSING_MESSAGE.split(':')[0]}: install Debian's postgresql`);
  console.warn(`\n⚠ ${POSTGRES_MISSING_MESSAGE}\n`);
  return false;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** Creates a new empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** `durable: true` keeps fsync and synchronous commit on (benchmarks); tests turn them off for speed. */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(POSTGRES_MISSING_MESSAGE);
  const asRoot = process.getuid?.() === 0;
  const sh = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args);
  const dir = mkdtempSync(join(tmpdir(), 'baton-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    chmodSync(dir, 0o700);
  }
  await sh('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const fast = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=100${fast}`;
  await sh('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase(name) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await c.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await sh('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
