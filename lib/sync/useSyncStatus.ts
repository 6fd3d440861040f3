/**
 * The sync status line for the panel, popup and dashboard, live: it re-renders when the engine (in the background)
 * writes the status or when any page's edit changes the outbox, since Dexie propagates changes across extension
 * contexts. `undefined` while loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '../db';
import type { BatonDb } from '../db/schema';
import { describeSyncStatus, readLastSyncedAt, readSyncStatus, type SyncStatusView } from './status';

/** Read the status, the pending count and the last sync time in one read transaction. */
export function loadSyncStatus(db: BatonDb) {
  return db.transaction('r', db.meta, db.outbox, async () => ({
    stored: await readSyncStatus(db),
    pending: await db.outbox.count(),
    lastSyncedAt: await readLastSyncedAt(db),
  }));
}

export function useSyncStatus(): SyncStatusView | undefined {
  const data = useLiveQuery(() => loadSyncStatus(getDb()), []);
  // "Synced 2 min ago" ages without any database change: re-describe every 30 s.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return data && describeSyncStatus(data.stored, data.pending, data.lastSyncedAt, Math.max(now, Date.now()));
}
