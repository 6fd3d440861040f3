/**
 * The triage's per-client summaries (`TriageSummary` in `lib/triage/rules.ts`), kept in the local database beside the rows
 * they come from, so the dashboard opens on a few kilobytes per client instead of reading and grouping every table.
 * They are kept in 16 buckets by a hash of the client id, each the JSON text of its summaries: Chromium's IndexedDB
 * costs about 10 µs per row read plus the structured clone of every nested object, so 5,000 summary rows took
 * 100–300 ms to read where 16 texts take 10–30 ms, and JSON.parse of them 20–30 ms (`npm run bench -- dashboard`).
 * Rewriting a bucket is not cheap (each is a few hundred kilobytes), so clients rebuilt one by one go to
 * `triageRecent`, small rows read over the buckets, and are folded into them once there are a few hundred.
 *
 * How they stay true:
 * - every write marks the clients it touches as dirty, in the write's own transaction: local writes (`writer.ts`),
 *   pulled changes (`remote.ts`) and imports (`backup.ts`). A mark is one small put;
 * - `refreshTriage` rebuilds the dirty clients' summaries from their rows (by the `clientId` indexes), or all of
 *   them when there are many, when none were ever built, or when they were built by an older Baton
 *   (`TRIAGE_SUMMARY_VERSION`). The background runs it after a pull; the dashboard opens with `openTriage`, the
 *   refresh and the read in one transaction;
 * - `readTriage` (the dashboard's live query afterwards) says the summaries are stale instead of deciding from them
 *   while any client is dirty, and the dashboard refreshes them.
 *
 * They are local only: derived data, never synced, exported or imported.
 */
import { TRIAGE_DECISION_READ_DAYS } from '../domain/windows';
import { summarizeClient, summarizeClients, type TriageSummary } from './summary';
import { triageFromSummaries, type Triage } from './rules';
import { DAY_MS } from '../domain/time';
import type { LifecycleEvent } from '../domain/schemas';
import type { BatonDb, TriageBucketRow, TriageRecentRow } from '../db/schema';

/** Bump when `TriageSummary` or what goes into it changes: every summary is then rebuilt on the next refresh. */
export const TRIAGE_SUMMARY_VERSION = 1;
/** The meta key holding the version the summaries were built with (absent: never built, or seeded around them). */
export const TRIAGE_VERSION_KEY = 'triage.summaryVersion';

/** Above this many dirty clients (and half the portfolio), reading whole tables beats reading client by client. */
const FULL_REBUILD_AT = 500;

/** How many buckets the summaries are shared among. */
export const TRIAGE_BUCKETS = 16;

/** The bucket of a client: FNV-1a of its id. */
export function bucketOf(clientId: string): number {
  let h = 2166136261;
  for (let i = 0; i < clientId.length; i++) h = Math.imul(h ^ clientId.charCodeAt(i), 16777619);
  return (h >>> 0) % TRIAGE_BUCKETS;
}

/** Above this many recent summaries, a refresh folds them into the buckets. */
const FOLD_AT = 256;

/** Every kept summary (any order): the buckets', with the recent ones over them. */
export async function readSummaries(db: BatonDb): Promise<TriageSummary[]> {
  const [buckets, recent] = await Promise.all([db.triage.toArray(), db.triageRecent.toArray()]);
  return overlay(buckets, recent);
}

function overlay(buckets: readonly TriageBucketRow[], recent: readonly TriageRecentRow[]): TriageSummary[] {
  const out: TriageSummary[] = [];
  if (recent.length === 0) {
    for (const b of buckets) for (const s of JSON.parse(b.summaries) as TriageSummary[]) out.push(s);
    return out;
  }
  const over = new Map(recent.map((r) => [r.clientId, r.summary]));
  for (const b of buckets) for (const s of JSON.parse(b.summaries) as TriageSummary[]) if (!over.has(s.clientId)) out.push(s);
  for (const r of recent) if (r.summary) out.push(r.summary);
  return out;
}

function toBuckets(summaries: Iterable<TriageSummary>): TriageBucketRow[] {
  const parts = new Map<number, TriageSummary[]>();
  for (const s of summaries) {
    const b = bucketOf(s.clientId);
    const list = parts.get(b);
    if (list) list.push(s);
    else parts.set(b, [s]);
  }
  return [...parts].map(([bucket, list]) => ({ bucket, summaries: JSON.stringify(list) }));
}

/** The tables a summary is made from. */
export function triageSourceTables(db: BatonDb) {
  return [db.clients, db.crmLinks, db.deals, db.handoffs, db.stakeholders, db.objectives, db.decisions, db.events];
}

/** The client a row of `table` belongs to; undefined for rows of no client (templates). */
export function clientOf(table: string, row: unknown): string | undefined {
  if (!row || typeof row !== 'object') return undefined;
  const id = table === 'clients' ? (row as { id?: unknown }).id : (row as { clientId?: unknown }).clientId;
  return typeof id === 'string' ? id : undefined;
}

/** Mark clients for a summary rebuild; call inside the write's transaction (its tables include `triageDirty`). */
export async function markTriageDirty(db: BatonDb, clientIds: Iterable<string | undefined>): Promise<void> {
  const ids = new Set<string>();
  for (const id of clientIds) if (id) ids.add(id);
  if (ids.size === 0) return;
  await db.triageDirty.bulkPut([...ids].map((clientId) => ({ clientId })));
}

export interface TriageRead {
  /** Decided from up-to-date summaries; null while they are stale. */
  triage: Triage | null;
  /** Some summary is missing, dirty or from an older Baton: run `refreshTriage`. */
  stale: boolean;
}

/** The triage at `now` from the summaries, in one read transaction (a live query re-runs it when they change). */
export async function readTriage(db: BatonDb, now = Date.now()): Promise<TriageRead> {
  return db.transaction('r', [db.meta, db.triageDirty, db.triage, db.triageRecent], async () => {
    const [version, dirty] = await Promise.all([db.meta.get(TRIAGE_VERSION_KEY), db.triageDirty.count()]);
    if (version?.value !== TRIAGE_SUMMARY_VERSION || dirty > 0) return { triage: null, stale: true };
    return { triage: triageFromSummaries(await readSummaries(db), now), stale: false };
  });
}

export interface RefreshResult {
  /** Clients whose summary was rebuilt or removed. */
  rebuilt: number;
  /** Every summary was rebuilt from whole tables. */
  full: boolean;
}

const refreshTables = (db: BatonDb) => [...triageSourceTables(db), db.triage, db.triageRecent, db.triageDirty, db.meta];

/** Bring the summaries up to date in one read-write transaction; a no-op when nothing is dirty. */
export async function refreshTriage(db: BatonDb, now = Date.now()): Promise<RefreshResult> {
  // An async scope (not an arrow returning the promise): Dexie keeps the transaction across awaits only for those.
  return db.transaction('rw', refreshTables(db), async () => refreshInTx(db, now));
}

/**
 * What the dashboard opens on: the refresh and the read in ONE transaction (a second one would wait its turn behind
 * whatever else the extension is writing), then the rules at `now`.
 */
export async function openTriage(db: BatonDb, now = Date.now()): Promise<Triage> {
  const [buckets, recent] = await db.transaction('rw', refreshTables(db), async () => {
    await refreshInTx(db, now);
    return Promise.all([db.triage.toArray(), db.triageRecent.toArray()]);
  });
  return triageFromSummaries(overlay(buckets, recent), now);
}

async function refreshInTx(db: BatonDb, now: number): Promise<RefreshResult> {
  const version = await db.meta.get(TRIAGE_VERSION_KEY);
  const dirty = (await db.triageDirty.toCollection().primaryKeys()) as string[];
  if (version?.value === TRIAGE_SUMMARY_VERSION) {
    if (dirty.length === 0) return { rebuilt: 0, full: false };
    if (dirty.length <= FULL_REBUILD_AT || dirty.length * 2 <= (await db.clients.count())) {
      const rebuilt = await rebuildClients(db, dirty, now);
      await db.triageDirty.clear();
      return { rebuilt, full: false };
    }
  }
  const rebuilt = await rebuildAll(db, now);
  await db.triageDirty.clear();
  await db.meta.put({ key: TRIAGE_VERSION_KEY, value: TRIAGE_SUMMARY_VERSION });
  return { rebuilt, full: true };
}

/** The ids of decisions a `decision_circulated` event names. */
function circulatedIds(events: readonly LifecycleEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) if (e.name === 'decision_circulated' && typeof e.payload['decisionId'] === 'string') out.add(e.payload['decisionId']);
  return out;
}

/**
 * Rebuild a few clients' summaries from their rows, read client by client with `equals` (one `getAll` each: an
 * `anyOf` walks a cursor, a round trip per row), and keep them as recent summaries over the buckets. A client that
 * no longer exists gets a null one. Many recent summaries are folded into the buckets.
 */
async function rebuildClients(db: BatonDb, ids: string[], now: number): Promise<number> {
  const rowsOf = (id: string) =>
    Promise.all([
      db.crmLinks.where('clientId').equals(id).toArray(),
      db.deals.where('clientId').equals(id).toArray(),
      db.handoffs.where('clientId').equals(id).toArray(),
      db.stakeholders.where('clientId').equals(id).toArray(),
      db.objectives.where('clientId').equals(id).toArray(),
      db.decisions.where('clientId').equals(id).toArray(),
      db.events.where('[clientId+name]').equals([id, 'decision_circulated']).toArray(),
    ]);
  const [clients, perClient] = await Promise.all([db.clients.bulkGet(ids), Promise.all(ids.map(rowsOf))]);
  const recent: TriageRecentRow[] = perClient.map(([crmLinks, deals, handoffs, stakeholders, objectives, decisions, circulations], i) => {
    const client = clients[i];
    const summary = client ? summarizeClient({ client, crmLinks, deals, handoffs, stakeholders, objectives, decisions }, circulatedIds(circulations), now) : null;
    return { clientId: ids[i]!, summary };
  });
  await db.triageRecent.bulkPut(recent);
  if ((await db.triageRecent.count()) > FOLD_AT) await fold(db);
  return ids.length;
}

/** Fold the recent summaries into the buckets. */
async function fold(db: BatonDb): Promise<void> {
  const [buckets, recent] = await Promise.all([db.triage.toArray(), db.triageRecent.toArray()]);
  await writeBuckets(db, overlay(buckets, recent));
}

/** Replace every bucket (and the recent summaries) with `summaries`. */
async function writeBuckets(db: BatonDb, summaries: readonly TriageSummary[]): Promise<void> {
  await Promise.all([db.triage.clear(), db.triageRecent.clear()]);
  if (summaries.length) await db.triage.bulkPut(toBuckets(summaries));
}

/**
 * Rebuild every summary from whole tables, read in bulk. Indexes keep out what no rule can use: accepted hand-overs
 * (`status`), decisions older than the triage reads (`decidedAt`, except those reopening a recent one) and events
 * before them (`at`: a circulation comes after its decision).
 */
async function rebuildAll(db: BatonDb, now: number): Promise<number> {
  const since = now - TRIAGE_DECISION_READ_DAYS * DAY_MS;
  const [clients, crmLinks, deals, handoffs, stakeholders, objectives, decisions, recentEvents] = await Promise.all([
    db.clients.toArray(),
    db.crmLinks.toArray(),
    db.deals.toArray(),
    db.handoffs.where('status').anyOf(['draft', 'submitted', 'rejected']).toArray(),
    db.stakeholders.toArray(),
    db.objectives.toArray(),
    db.decisions.where('decidedAt').above(since).toArray(),
    db.events.where('at').above(since).toArray(),
  ]);
  // A decision reopened by another is superseded whatever the reopening one's date: read those through `reopens`.
  const recentIds = new Set(decisions.map((d) => d.id));
  const reopeners = await db.decisions.where('reopens').anyOf([...recentIds]).toArray();
  for (const d of reopeners) if (!recentIds.has(d.id)) decisions.push(d);
  const summaries: TriageSummary[] = summarizeClients({ clients, crmLinks, deals, handoffs, stakeholders, objectives, decisions, circulatedDecisionIds: circulatedIds(recentEvents), now });
  await writeBuckets(db, summaries);
  return summaries.length;
}
