/**
 * The sync status line for the panel, popup and dashboard, live: it re-renders when the engine (in the background)
 * writes the status or when any page's edit changes the outbox, since Dexie propagates changes across extension
 * contexts. `undefined` while loading.
 *
 * For pages that can open the database (popup, dashboard, side panel). The in-page panel cannot (its frame is
 * third-party on the CRM site): it reads `loadSyncStatus` through the background's database port and passes the
 * answer to `describeSyncStatus`.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '../db';
import { watchPokesFromPage } from './poke';
import { describeSyncStatus, loadSyncStatus, type SyncStatusView } from './status';

/**
 * While the calling page is open, listen for the server's pokes and have the background sync on each (one stream
 * for all open pages). The in-page panel calls this directly; `useSyncStatus` calls it for the other pages.
 */
export function useSyncPokes(): void {
  useEffect(() => {
    const ac = new AbortController();
    void watchPokesFromPage(ac.signal);
    return () => ac.abort();
  }, []);
}

export function useSyncStatus(): SyncStatusView | undefined {
  useSyncPokes();
  const data = useLiveQuery(() => loadSyncStatus(getDb()), []);
  // "Synced 2 min ago" ages without any database change: re-describe every 30 s.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return data && describeSyncStatus(data.stored, data.pending, data.lastSyncedAt, Math.max(now, Date.now()));
}
