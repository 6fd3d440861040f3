/**
 * The client search index, cached between popup openings, so the popup is searchable at once instead of after
 * reading every client and CRM link (hundreds of milliseconds at 5,000 clients and 15,000 links; seconds on a busy
 * machine). Stale-while-revalidate: the popup searches the cached list at once, re-reads the tables after it is
 * interactive, swaps in the fresh index and writes it back here.
 *
 * It is a cache, not data: its own small IndexedDB database (not the synced `baton` schema), one value holding the
 * list as one JSON string (one read and one `JSON.parse`, faster than structured-cloning 5,000 objects). Losing it
 * costs one slow opening.
 */
import type { SearchableClient } from './search';

const DB_NAME = 'baton-search-cache';
const STORE = 'kv';
const KEY = 'clients';
const FORMAT = 1;

interface Cached {
  format: number;
  at: number;
  /** JSON of `[id, name, ...crmIds][]`. */
  json: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The cached list, or null when there is none (first opening) or it cannot be read. */
export async function readSearchCache(): Promise<SearchableClient[] | null> {
  try {
    const db = await open();
    const value = await new Promise<Cached | undefined>((resolve, reject) => {
      const req = db.transaction(STORE).objectStore(STORE).get(KEY);
      req.onsuccess = () => resolve(req.result as Cached | undefined);
      req.onerror = () => reject(req.error);
    });
    db.close();
    if (!value || value.format !== FORMAT) return null;
    return (JSON.parse(value.json) as string[][]).map(([id, name, ...crmIds]) => ({ id: id!, name: name!, crmIds }));
  } catch {
    return null;
  }
}

/** Replace the cached list. Failures are ignored: the next opening reads the tables instead. */
export async function writeSearchCache(clients: readonly SearchableClient[], now = Date.now()): Promise<void> {
  try {
    const json = JSON.stringify(clients.map((c) => [c.id, c.name, ...(c.crmIds ?? [])]));
    const db = await open();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite', { durability: 'relaxed' });
      tx.objectStore(STORE).put({ format: FORMAT, at: now, json } satisfies Cached, KEY);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  } catch {
    // a cache
  }
}
