/**
 * The sync server killed (SIGKILL, a real child process on its embedded PGlite data directory) while it applies a
 * big push: after a restart the batch is there entirely or not at all, and the client's retry completes it with
 * nothing applied twice.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getClientId } from '../../lib/db/clock';
import { inWriteTx, appendRow } from '../../lib/db/writer';
import type { BatonDb } from '../../lib/db/schema';
import { SyncClient, type FetchLike } from '../../lib/sync/client';
import { newClientDb, sync, testEngine, T0 } from './engine-helpers';

const ROOT = join(import.meta.dirname, '../..');
const HAS_SERVER = existsSync(join(ROOT, 'server/main.ts'));
const run = promisify(execFile);

/** `node --import tsx server/main.ts …`: one process, so SIGKILL kills the server itself (npx and tsx fork). */
const serverArgs = (...args: string[]) => ['--import', 'tsx', join(ROOT, 'server/main.ts'), ...args];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const debug = (...args: unknown[]) => process.env.BATON_TEST_DEBUG && console.error(new Date().toISOString(), ...args);

let dataDir: string;
let port: number;
let url: string;
let token: string;
let child: ChildProcess | undefined;
let exited: Promise<void> = Promise.resolve();

async function startServer(): Promise<void> {
  child = spawn(process.execPath, serverArgs(), {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const c = child;
  exited = new Promise((resolve) => c.once('exit', () => resolve()));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const end = Date.now() + 120_000; // PGlite's start is slow on a loaded machine
  for (;;) {
    try {
      if ((await fetch(`${url}/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > end) throw new Error(`The sync server did not start: ${stderr.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGKILL the server and wait for it to be gone (a killed child has a signalCode, not an exitCode). */
function kill(): Promise<void> {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  return exited;
}

/** 500 events of about 1.5 KB each: one full batch, about 0.8 MB, long enough to be killed in the middle of. */
async function queueBigBatch(db: BatonDb, prefix: string) {
  await inWriteTx(db, async () => {
    for (let i = 0; i < 500; i++) {
      await appendRow(db, 'events', { id: `${prefix}-${i}`, clientId: 'k0', name: 'contract_signed', at: T0, actor: 'Sam', payload: { note: 'x'.repeat(1500) } });
    }
  });
}

/** How many of `prefix`'s events the server holds, and its last mutation id for `clientId`, from a full pull. */
async function serverView(clientId: string, prefix: string) {
  const client = new SyncClient({ serverUrl: url, token });
  let cursor: string | null = null;
  const keys: string[] = [];
  let last = 0;
  for (;;) {
    const page = await client.pull(clientId, cursor, 5000);
    for (const c of page.changes) if (c.table === 'events' && c.key.startsWith(`${prefix}-`)) keys.push(c.key);
    last = page.lastMutationId;
    cursor = page.cursor;
    if (!page.more) break;
  }
  return { count: keys.length, distinct: new Set(keys).size, last };
}

describe.skipIf(!HAS_SERVER)('the sync server killed in the middle of a push', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-kill-'));
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const out = await run(process.execPath, serverArgs('token', '--workspace', 'kill-test', '--email', 'rep@example.com', '--role', 'admin'), {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    token = out.stdout.trim().split('\n').at(-1)!.trim();
    debug('token made');
    await startServer();
    debug('server up');
  }, 180_000);

  afterAll(async () => {
    await kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies the batch all or nothing, and the retry completes it once', async () => {
    let cutOff = 0;
    // Kill at a few delays after the push left, so that one lands while the server is applying it; and once right
    // after the server answered, which must find the acknowledged batch durable after the restart.
    const kills: (number | 'afterAnswer')[] = [50, 400, 1500, 'afterAnswer'];
    for (const [i, when] of kills.entries()) {
      const db = newClientDb(`kill${i}`);
      const clientId = await getClientId(db);
      const prefix = `kill${i}`;
      await queueBigBatch(db, prefix);
      let armed = true;
      let answered = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const killer: FetchLike = async (input, init) => {
        const isPush = input.endsWith('/v1/push') && armed;
        armed &&= !isPush;
        if (isPush && when !== 'afterAnswer') timer = setTimeout(() => void kill(), when);
        const res = await fetch(input, init);
        if (isPush) {
          answered = true;
          if (when === 'afterAnswer') {
            await res.clone().arrayBuffer();
            await kill();
          }
        }
        return res;
      };
      debug('push', i);
      const first = await testEngine(db, url, token, { fetch: killer, retry: { attempts: 1 } }).run();
      debug('first run', first.outcome, 'answered', answered);
      if (!answered) cutOff++;
      clearTimeout(timer);
      await kill();
      await startServer();

      debug('restarted');
      const after = await serverView(clientId, prefix);
      debug('after', after);
      expect([0, 500]).toContain(after.count); // all or nothing
      expect(after.last).toBe(after.count === 0 ? 0 : 500);
      expect(after.distinct).toBe(after.count);
      // Outbox rows go only once acknowledged: all 500 still pending, or none and the server has them all.
      const pending = await db.outbox.count();
      expect(pending === 500 || (pending === 0 && after.count === 500)).toBe(true);
      if (first.outcome === 'synced') expect(after.count).toBe(500);

      await sync(db, url, token);
      debug('synced');
      const done = await serverView(clientId, prefix);
      expect(done).toEqual({ count: 500, distinct: 500, last: 500 });
      expect(await db.outbox.count()).toBe(0);
      expect(await db.events.where('id').startsWith(`${prefix}-`).count()).toBe(500);
      db.close();
    }
    // The test only means something if some push was cut off by the kill.
    expect(cutOff).toBeGreaterThan(0);
  }, 400_000);
});
