/**
 * Helpers for the engine's tests: the real sync server (`server/start.ts`) in this process on a random port with an
 * in-memory PGlite, clients as fresh Dexie databases, engines with instant recorded sleeps, and snapshots of every
 * table to compare replicas.
 */
import { createDb, type BatonDb } from '../../lib/db/schema';
import { appendRow, inWriteTx, putRow } from '../../lib/db/writer';
import type { FetchLike } from '../../lib/sync/client';
import { SyncEngine, type SyncEngineOptions } from '../../lib/sync/engine';
import { TABLES } from '../../lib/sync/shared/protocol';
import { startServer } from '../../server/start';
import { generateToken, hashToken } from '../../server/tokens';

export interface TestServer {
  url: string;
  /** A new token for a member (workspace and member made if needed). */
  token(workspace: string, email: string, role: 'admin' | 'member' | 'viewer'): Promise<string>;
  close(): Promise<void>;
}

/** The sync server on 127.0.0.1 and a free port, PGlite in memory, quiet, with a rate limit tests never reach. */
export async function startTestServer(): Promise<TestServer> {
  const server = await startServer({ port: 0, host: '127.0.0.1', log: () => {}, rateLimit: { max: 1_000_000, windowMs: 1000 } });
  return {
    url: server.url,
    async token(workspace, email, role) {
      const token = generateToken();
      await server.store.issueToken({ workspace, email, role }, hashToken(token));
      return token;
    },
    close: () => server.close(),
  };
}

let n = 0;
/** A fresh client: its own database, so its own client id. */
export function newClientDb(label = 'client'): BatonDb {
  n += 1;
  return createDb(`baton-sync-${label}-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`);
}

/** An engine whose sleeps are instant and recorded (`sleeps`), for tests of retries and backoff. */
export function testEngine(db: BatonDb, url: string, token: string, extra: Partial<SyncEngineOptions> = {}) {
  const sleeps: number[] = [];
  const engine = new SyncEngine({
    db,
    serverUrl: url,
    token,
    sleep: async (ms, signal) => {
      signal.throwIfAborted();
      sleeps.push(ms);
    },
    ...extra,
  });
  return Object.assign(engine, { sleeps });
}

/** Run one sync with a fresh engine and expect it to end synced. */
export async function sync(db: BatonDb, url: string, token: string, extra: Partial<SyncEngineOptions> = {}) {
  const result = await testEngine(db, url, token, extra).run();
  if (result.outcome !== 'synced') throw new Error(`sync ended ${result.outcome}: ${'reason' in result ? result.reason : ''}`);
  return result;
}

/** Every synced table's rows, sorted by id: two replicas are identical iff their snapshots are equal. */
export async function snapshot(db: BatonDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    const rows = (await db.table(t).toArray()) as { id: string }[];
    out[t] = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return out;
}

/** What the server holds, as a fresh client sees it after pulling everything. */
export async function serverSnapshot(url: string, token: string) {
  const db = newClientDb('observer');
  await sync(db, url, token);
  const snap = await snapshot(db);
  db.close();
  return snap;
}

export const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);

export function client(id: string, name: string, extra: Record<string, unknown> = {}) {
  return { id, name, createdAt: T0, ...extra };
}

export function event(id: string, clientId = 'c1') {
  return { id, clientId, name: 'contract_signed', at: T0, actor: 'Sam' };
}

/** Queue `count` client rows (one outbox mutation each), in one transaction. */
export async function queueClients(db: BatonDb, count: number, prefix = 'c') {
  await inWriteTx(db, async () => {
    for (let i = 0; i < count; i++) await putRow(db, 'clients', client(`${prefix}${i}`, `Client ${i}`));
  });
}

/** Queue `count` appended events, in one transaction. */
export async function queueEvents(db: BatonDb, count: number, prefix = 'e') {
  await inWriteTx(db, async () => {
    for (let i = 0; i < count; i++) await appendRow(db, 'events', event(`${prefix}${i}`));
  });
}

/** Wrap fetch to see (and optionally change) what the engine sends. */
export function spyFetch(change?: (url: string, body: unknown, call: number) => unknown) {
  const calls: { url: string; body: { mutations?: { id: number }[]; cursor?: string | null } }[] = [];
  const fetchImpl: FetchLike = (url, init) => {
    let body = init.body ? JSON.parse(String(init.body)) : undefined;
    if (change) body = change(url, body, calls.length) ?? body;
    calls.push({ url, body });
    return fetch(url, { ...init, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  return { fetch: fetchImpl, calls, pushes: () => calls.filter((c) => c.url.endsWith('/v1/push')) };
}
