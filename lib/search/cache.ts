/**
 * The client search index, cached between popup openings, so the popup is searchable at once instead of after
 * reading every client and CRM link (hundreds of milliseconds at 5,000 clients and 15,000 links; seconds on a busy
 * machine). Stale-while-revalidate: the popup searches the cached list at once, re-reads the tables after it is
 * interactive, swaps in the fresh index and writes it back here.
 *
 * It is a cache, not data: one `localStorage` value (not the synced `baton` database) holding the list as one JSON
 * string. `localStorage` rather than IndexedDB because it is read synchronously, from memory once the extension's
 * renderer has read it (IndexedDB took 40–60 ms to hand a 600 KB value to the popup at 5,000 clients, after the
 * first render): the popup builds its index during its first render. Losing it (cleared, or over the origin's
 * quota with a very large portfolio) costs one slow opening.
 */
import type { SearchableClient } from './client-index';

const KEY = 'baton.search-cache';
const FORMAT = 1;

interface Cached {
  format: number;
  at: number;
  /** `[id, name, ...crmIds][]`. */
  clients: string[][];
}

/** The cached list, or null when there is none (first opening) or it cannot be read. Synchronous. */
export function readSearchCache(): SearchableClient[] | null {
  try {
    const json = globalThis.localStorage?.getItem(KEY);
    if (!json) return null;
    const value = JSON.parse(json) as Cached;
    if (value.format !== FORMAT || !Array.isArray(value.clients)) return null;
    return value.clients.map(([id, name, ...crmIds]) => ({ id: id!, name: name!, crmIds }));
  } catch {
    return null;
  }
}

/** Replace the cached list. Failures (e.g. over quota) are ignored: the next opening reads the tables instead. */
export async function writeSearchCache(clients: readonly SearchableClient[], now = Date.now()): Promise<void> {
  try {
    const value: Cached = { format: FORMAT, at: now, clients: clients.map((c) => [c.id, c.name, ...(c.crmIds ?? [])]) };
    localStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // a cache
    try {
      localStorage.removeItem(KEY);
    } catch {
      // nothing to do
    }
  }
}
