/**
 * The install's identity and clocks, kept in `meta` and only read or written inside a write transaction, so every
 * extension page (panels in many tabs, the popup, the background) shares one monotonic clock and one mutation counter.
 */
import { createHlc, tick, receive, type HlcState } from '../sync/shared/hlc';
import type { BatonDb } from './schema';

const CLIENT_ID = 'sync.clientId';
const HLC = 'sync.hlc';
const NEXT_MUTATION = 'sync.nextMutationId';

function randomClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return 'c' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This install's sync client id, made once. */
export async function getClientId(db: BatonDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(CLIENT_ID);
    if (typeof row?.value === 'string') return row.value;
    const id = randomClientId();
    await db.meta.put({ key: CLIENT_ID, value: id });
    return id;
  });
}

async function loadHlc(db: BatonDb): Promise<HlcState> {
  const clientId = await getClientId(db);
  const row = (await db.meta.get(HLC))?.value as { ms: number; counter: number } | undefined;
  return createHlc(clientId, row?.ms ?? 0, row?.counter ?? 0);
}

/** Next local stamp (call inside a transaction that includes `meta`). */
export async function nextStamp(db: BatonDb, now = Date.now()): Promise<string> {
  const state = await loadHlc(db);
  const stamp = tick(state, now);
  await db.meta.put({ key: HLC, value: { ms: state.ms, counter: state.counter } });
  return stamp;
}

/** Fold remote stamps into the local clock (after a pull), so later local edits sort after what was seen. */
export async function observeStamps(db: BatonDb, stamps: Iterable<string>, now = Date.now()): Promise<void> {
  const state = await loadHlc(db);
  let max = '';
  for (const s of stamps) if (s > max) max = s;
  if (!max) return;
  receive(state, max, now);
  await db.meta.put({ key: HLC, value: { ms: state.ms, counter: state.counter } });
}

/** Reserve the next `count` mutation ids (per install, rising by exactly 1); returns the first. */
export async function nextMutationId(db: BatonDb, count = 1): Promise<number> {
  const id = ((await db.meta.get(NEXT_MUTATION))?.value as number | undefined) ?? 1;
  await db.meta.put({ key: NEXT_MUTATION, value: id + count });
  return id;
}

/**
 * Start a new sync identity: a fresh client id, the pending outbox renumbered from 1 and the mutation counter after
 * it, in one transaction. For a switch to another server or workspace, which has never seen this install's mutation
 * ids and would otherwise answer `409 mutation_gap` forever. Pending edits are kept; their clocks stay valid.
 */
export async function renewClientId(db: BatonDb): Promise<string> {
  return db.transaction('rw', db.meta, db.outbox, async () => {
    const id = randomClientId();
    const rows = await db.outbox.orderBy(':id').toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(rows.map((r, i) => ({ ...r, id: i + 1, mutation: { ...r.mutation, id: i + 1 } })));
    await db.meta.put({ key: CLIENT_ID, value: id });
    await db.meta.put({ key: NEXT_MUTATION, value: rows.length + 1 });
    return id;
  });
}
