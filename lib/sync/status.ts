/**
 * The sync status, kept in the database's `meta` table so every extension page (panel, popup, dashboard) reads the
 * same line live, and so it survives the service worker being stopped. The engine writes it; pages only read it
 * (`useSyncStatus`). The number of pending edits is not stored: it is the outbox's row count, read live.
 */
import type { BatonDb } from '../db/schema';

const STATUS = 'sync.status';
const LAST_SYNCED = 'sync.lastSyncedAt';

/** Why sync stopped until someone acts. */
export type AttentionCode =
  | 'unauthorized'
  | 'forbidden'
  | 'protocol'
  | 'invalid_mutation'
  | 'outbox_gap'
  | 'too_large'
  | 'bad_response';

export type StoredSyncStatus =
  /** No server configured: the extension works alone. */
  | { state: 'off' }
  | { state: 'syncing'; since: number }
  | { state: 'synced'; at: number }
  /** No answer from the server (network down, server down, retries exhausted). */
  | { state: 'offline'; since: number; reason: string }
  | { state: 'attention'; since: number; code: AttentionCode; reason: string };

/**
 * Attention codes that stop automatic runs: no request can succeed until the user changes something (a new token,
 * an updated extension). The others only stop pushing: pulls still bring in everyone else's edits.
 */
export const BLOCKING_CODES: ReadonlySet<AttentionCode> = new Set(['unauthorized', 'protocol']);

/** A `syncing` status older than this was left by a service worker that was stopped mid-run. */
export const STALE_SYNCING_MS = 2 * 60_000;

/** The plain sentences the user reads, one per attention cause. */
export const SENTENCES = {
  unauthorized: 'The sync token was not accepted. Paste a new token in Settings.',
  forbidden: (role: string | undefined) =>
    role ? `Your role cannot write to this workspace (${role}).` : 'Your role cannot write to this workspace.',
  protocol: 'Update Baton: the sync server speaks a newer protocol.',
  outboxGap: (expected: number, first: number) =>
    `Local changes ${expected}–${first - 1} are missing from the outbox, so the server cannot accept later ones. Export your data and contact support.`,
} as const;

export async function readSyncStatus(db: BatonDb): Promise<StoredSyncStatus> {
  const row = await db.meta.get(STATUS);
  return (row?.value as StoredSyncStatus | undefined) ?? { state: 'off' };
}

export async function writeSyncStatus(db: BatonDb, status: StoredSyncStatus): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: STATUS, value: status });
    if (status.state === 'synced') await db.meta.put({ key: LAST_SYNCED, value: status.at });
  });
}

export async function readLastSyncedAt(db: BatonDb): Promise<number | null> {
  const v = (await db.meta.get(LAST_SYNCED))?.value;
  return typeof v === 'number' ? v : null;
}

/** Whether the stored status stops automatic runs (a bad token, an old protocol, a broken outbox). */
export function isBlocked(status: StoredSyncStatus): boolean {
  return status.state === 'attention' && BLOCKING_CODES.has(status.code);
}

/** Forget a "needs attention" status, e.g. after the user saved new settings, so the next run tries again. */
export async function clearAttention(db: BatonDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = await readSyncStatus(db);
    if (current.state === 'attention') await db.meta.put({ key: STATUS, value: { state: 'off' } satisfies StoredSyncStatus });
  });
}

/** Everything the status line depends on, read in one transaction (for live queries, local or over the db port). */
export interface SyncStatusData {
  stored: StoredSyncStatus;
  pending: number;
  lastSyncedAt: number | null;
}

export function loadSyncStatus(db: BatonDb): Promise<SyncStatusData> {
  return db.transaction('r', db.meta, db.outbox, async () => ({
    stored: await readSyncStatus(db),
    pending: await db.outbox.count(),
    lastSyncedAt: await readLastSyncedAt(db),
  }));
}

/** What pages show: the state, the pending count and one sentence. */
export interface SyncStatusView {
  state: 'off' | 'synced' | 'syncing' | 'offline' | 'attention';
  /** Outbox rows not yet acknowledged by the server. */
  pending: number;
  lastSyncedAt: number | null;
  /** Why sync is offline or needs attention; null otherwise. */
  reason: string | null;
  /** One line for a status bar: "Synced 2 min ago", "Offline, 3 changes pending", "Needs attention: …". */
  label: string;
}

/** Turn the stored status and the live pending count into what a page shows. Pure, for tests and every page. */
export function describeSyncStatus(
  stored: StoredSyncStatus,
  pending: number,
  lastSyncedAt: number | null,
  now = Date.now(),
): SyncStatusView {
  const changes = `${pending} ${pending === 1 ? 'change' : 'changes'}`;
  const base = { pending, lastSyncedAt };
  switch (stored.state) {
    case 'off':
      return { ...base, state: 'off', reason: null, label: pending ? `Sync is off, ${changes} kept on this computer` : 'Sync is off' };
    case 'attention':
      return { ...base, state: 'attention', reason: stored.reason, label: `Needs attention: ${stored.reason}` };
    case 'offline':
      return { ...base, state: 'offline', reason: stored.reason, label: pending ? `Offline, ${changes} pending` : 'Offline' };
    case 'syncing':
      if (now - stored.since < STALE_SYNCING_MS) return { ...base, state: 'syncing', reason: null, label: 'Syncing…' };
      break;
    case 'synced':
      break;
  }
  const at = stored.state === 'synced' ? stored.at : lastSyncedAt;
  const when = at === null ? 'Not synced yet' : `Synced ${ago(now - at)}`;
  return { ...base, state: 'synced', reason: null, label: pending ? `${when}, ${changes} waiting` : when };
}

function ago(ms: number): string {
  if (ms < 60_000) return 'just now';
  const min = Math.floor(ms / 60_000);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}
