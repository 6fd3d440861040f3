/**
 * The search's read model: every client with its CRM ids, for `ClientIndex.build` (the popup reads it after it is
 * interactive and caches it, `cache.ts`).
 */
import type { BatonDb } from '../db/schema';
import type { SearchableClient } from './client-index';

/**
 * Every client's id, name and linked CRM ids, for `ClientIndex.build`. Whole rows through `getAll` (Dexie's
 * `toArray`): in Chromium that is several times faster than walking the `name` and `clientId` index keys with
 * cursors. The popup reads this after it is interactive and caches the result (`lib/search/cache.ts`).
 */
export async function loadSearchableClients(db: BatonDb): Promise<SearchableClient[]> {
  const [clients, links] = await db.transaction('r', db.clients, db.crmLinks, () => Promise.all([db.clients.toArray(), db.crmLinks.toArray()]));
  const crmIds = new Map<string, string[]>();
  for (const l of links) {
    const list = crmIds.get(l.clientId);
    if (list) list.push(l.recordId);
    else crmIds.set(l.clientId, [l.recordId]);
  }
  return clients.map((c) => ({ id: c.id, name: c.name, crmIds: crmIds.get(c.id) ?? [] }));
}
