/**
 * The sync engine's throughput, end to end: Dexie (fake-indexeddb in node) ↔ the engine ↔ real HTTP over loopback ↔
 * the sync server in this process on an in-memory PGlite.
 *
 * - push: 10,000 queued edits drained to the server (20 pushes of 500);
 * - pull: 250,000 rows into a fresh client (pages of 5,000), beside the floor: a plain Dexie `bulkPut` of the same
 *   rows in the same page size, into the same kind of database.
 *
 * In a browser, IndexedDB is faster than fake-indexeddb, so these are upper bounds for the client side.
 */
import 'fake-indexeddb/auto';
import { createDb, type BatonDb } from '../lib/db/schema';
import { SyncEngine } from '../lib/sync/engine';
import { MAX_PULL_LIMIT, type Mutation } from '../lib/sync/shared/protocol';
import { startServer, type RunningServer } from '../server/start';
import { push } from '../server/sync/push';
import { generateToken, hashToken } from '../server/tokens';
import { loadavg } from 'node:os';
import { median, type Benchmark } from './types.ts';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
const PUSH_COUNT = 10_000;
const PULL_COUNT = 250_000;
const WHERE = 'in-process server on PGlite, node + fake-indexeddb';

let dbSeq = 0;
const freshDb = (label: string): BatonDb => createDb(`bench-sync-${label}-${process.pid}-${++dbSeq}`);

async function withServer<T>(fn: (server: RunningServer, token: (ws: string) => Promise<{ token: string; auth: Awaited<ReturnType<RunningServer['store']['issueToken']>> }>) => Promise<T>): Promise<T> {
  const server = await startServer({ port: 0, host: '127.0.0.1', log: () => {}, rateLimit: { max: 1_000_000, windowMs: 1000 } });
  try {
    return await fn(server, async (ws) => {
      const token = generateToken();
      const auth = await server.store.issueToken({ workspace: ws, email: 'bench@example.com', role: 'admin' }, hashToken(token));
      return { token, auth };
    });
  } finally {
    await server.close();
  }
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return ((u.user + u.system) / 1e6).toFixed(1);
};
/** Wall times on a shared machine depend on its load: print it beside them. */
const load = () => `load average ${loadavg()[0]!.toFixed(1)} on this machine`;

const clientRow = (i: number) => ({ id: `c${i}`, name: `Client ${i}`, salesOwner: 'sam@example.com', csOwner: 'kim@example.com', createdAt: T0 + i });

const pushBench: Benchmark = {
  name: `sync: push 10,000 mutations (${WHERE})`,
  async run() {
    return withServer(async (server, issue) => {
      const { token } = await issue('push');
      // Setup (not timed): 10,000 rows and their outbox mutations, as 10,000 edits would leave them. Written in bulk
      // because 10,000 putRow calls take minutes in fake-indexeddb.
      const db = freshDb('push');
      const stamp = (i: number) => `${String(T0).padStart(13, '0')}-${String(i % 10_000).padStart(4, '0')}-bench`;
      const rows = Array.from({ length: PUSH_COUNT }, (_, i) => clientRow(i));
      await db.clients.bulkPut(rows);
      await db.outbox.bulkAdd(
        rows.map((row, i) => ({
          id: i + 1,
          createdAt: T0,
          mutation: { id: i + 1, op: 'put', table: 'clients', key: row.id, fields: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, { v, hlc: stamp(i) }])) } satisfies Mutation,
        })),
      );
      await db.meta.put({ key: 'sync.nextMutationId', value: PUSH_COUNT + 1 });
      const cpu0 = process.cpuUsage();
      let pushedAt = 0;
      let pushed = 0;
      const engine = new SyncEngine({
        db,
        serverUrl: server.url,
        token,
        onProgress: (e) => {
          if (e.phase === 'pushed') {
            pushed += e.mutations;
            if (pushed >= PUSH_COUNT) pushedAt = performance.now();
          }
        },
      });
      const start = performance.now();
      const result = await engine.run();
      if (result.outcome !== 'synced' || pushed !== PUSH_COUNT) throw new Error(`push run ended ${result.outcome} after ${pushed} mutations`);
      const seconds = (pushedAt - start) / 1000;
      return {
        figure: seconds,
        unit: 's',
        target: 10,
        better: 'lower',
        note: `${Math.round(PUSH_COUNT / seconds)} mutations/s; 20 pushes of 500; whole run with its pull back ${((performance.now() - start) / 1000).toFixed(1)} s, ${cpuSeconds(cpu0)} s CPU (client and server share this process); ${load()}`,
      } as const;
    });
  },
};

const pullBench: Benchmark = {
  name: `sync: pull 250,000 rows into a fresh client (${WHERE})`,
  async run() {
    return withServer(async (server, issue) => {
      const { token, auth } = await issue('pull');
      // Seed the server through its own push rules, straight into the store (not timed).
      const hlc = (i: number) => `${String(T0 + Math.floor(i / 1000)).padStart(13, '0')}-${String(i % 1000).padStart(4, '0')}-seeder`;
      for (let start = 0; start < PULL_COUNT; start += 5000) {
        const mutations: Mutation[] = [];
        for (let i = start; i < Math.min(PULL_COUNT, start + 5000); i++) {
          const row = clientRow(i);
          mutations.push({ id: i + 1, op: 'put', table: 'clients', key: row.id, fields: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, { v, hlc: hlc(i) }])) });
        }
        await push(server.store, auth, { clientId: 'seeder', mutations });
      }

      const db = freshDb('pull');
      let pulled = 0;
      const engine = new SyncEngine({ db, serverUrl: server.url, token, pullLimit: MAX_PULL_LIMIT, onProgress: (e) => void (e.phase === 'pulled' && (pulled += e.changes)) });
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      const result = await engine.run();
      const seconds = (performance.now() - start) / 1000;
      const cpu = cpuSeconds(cpu0);
      if (result.outcome !== 'synced' || pulled !== PULL_COUNT || (await db.clients.count()) !== PULL_COUNT) {
        throw new Error(`pull run ended ${result.outcome} with ${pulled} rows`);
      }

      // The floor: the same rows put with bulkPut, page by page, into a fresh database.
      const floorDb = freshDb('floor');
      const floorStart = performance.now();
      for (let s = 0; s < PULL_COUNT; s += MAX_PULL_LIMIT) {
        const page = [];
        for (let i = s; i < Math.min(PULL_COUNT, s + MAX_PULL_LIMIT); i++) page.push(clientRow(i));
        await floorDb.clients.bulkPut(page);
      }
      const floor = (performance.now() - floorStart) / 1000;
      return {
        figure: seconds,
        unit: 's',
        target: 120,
        better: 'lower',
        note: `${Math.round(PULL_COUNT / seconds)} rows/s, ${cpu} s CPU; floor: Dexie bulkPut of the same rows ${floor.toFixed(1)} s (${Math.round(PULL_COUNT / floor)} rows/s); ${load()}`,
      } as const;
    });
  },
};

const latencyBench: Benchmark = {
  name: 'sync: edit in one profile → another profile’s open panel (median of 7, Chromium, server process)',
  async run() {
    // Loaded lazily: only this benchmark needs Playwright and the built extension.
    const e2e = await import('../test/e2e/sync-profiles.ts');
    const { fillText } = await import('../test/e2e/harness/panel-actions.ts');
    const rep = { name: 'Riley Rep', email: 'riley@acme.test' };
    const csm = { name: 'Casey CSM', email: 'casey@acme.test' };
    const server = await e2e.startSyncServerProcess([
      { email: rep.email, role: 'member' },
      { email: csm.email, role: 'member' },
    ]);
    const profiles: { baton: { close(): Promise<void> } }[] = [];
    try {
      const a = await e2e.launchSyncedProfile(server.url, server.token(rep.email), rep);
      profiles.push(a);
      const b = await e2e.launchSyncedProfile(server.url, server.token(csm.email), csm);
      profiles.push(b);
      const repSide = await e2e.openOpportunity(a.baton);
      await repSide.panel.getByRole('button', { name: 'Create client' }).click();
      await fillText(repSide.panel, 'Original buying motivation', 'First version');
      const csmSide = await e2e.openOpportunity(b.baton);
      await csmSide.panel.locator('[data-field="buying_motivation"]').getByText('First version').waitFor({ timeout: 60_000 });
      const times = await e2e.measureEditLatency(repSide.panel, csmSide.panel, 7);
      return { figure: median(times), unit: 'ms', target: 1000, better: 'lower', note: `each: ${times.join(', ')} ms; ${load()}` } as const;
    } finally {
      for (const p of profiles) await p.baton.close();
      await server.close();
    }
  },
};

export const benchmarks: Benchmark[] = [pushBench, pullBench, latencyBench];
