/**
 * The sync status line for the panel, popup and dashboard, live: it re-renders when the engine (in the background)
 * writes the status or when any page's edit changes the outbox, and every 30 s so "Synced 2 min ago" ages.
 * `undefined` while loading.
 */
import { useEffect } from 'react';
import { describeSyncStatus, type SyncStatusView } from '../sync/status';
import { useQuery } from './data';
import { useNow } from './useNow';

/**
 * While the calling page is open, listen for the server's pokes and have the background sync on each (one stream
 * for all open pages). `enabled` lets the popup start it only once it is interactive: the stream's code (the sync
 * client and its schemas) then stays out of its first bundle.
 */
export function useSyncPokes(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const ac = new AbortController();
    void import('../sync/poke').then((m) => m.watchPokesFromPage(ac.signal));
    return () => ac.abort();
  }, [enabled]);
}

/**
 * `enabled: false` reads nothing yet (the popup, until its data layer is here); `pokes: false` for a page that
 * already listens for pokes elsewhere.
 */
export function useSyncStatus(options: { enabled?: boolean; pokes?: boolean } = {}): SyncStatusView | undefined {
  const enabled = options.enabled ?? true;
  useSyncPokes(enabled && (options.pokes ?? true));
  const { value } = useQuery('syncStatus', enabled ? [] : null);
  const now = useNow();
  return value && describeSyncStatus(value.stored, value.pending, value.lastSyncedAt, Math.max(now, Date.now()));
}
