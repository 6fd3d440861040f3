/**
 * The popup's first read models: the client search list and one client's decision context. Kept apart from the
 * queue's (`queue-query.ts`) so the popup's first bundle does not carry the queue rules.
 */
import type { Client, Decision, LifecycleEvent, Stakeholder } from '../domain/schemas';
import type { SearchableClient } from '../search/client-index';
import type { BatonDb } from './schema';

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

/** What the form needs about one client: its stakeholders, and its latest decisions (newest first) with circulations. */
export interface ClientDecisionContext {
  client: Client | null;
  stakeholders: Stakeholder[];
  decisions: Decision[];
  /** `decision_circulated` events of this client. */
  circulations: LifecycleEvent[];
}

export async function loadClientDecisionContext(db: BatonDb, clientId: string, recent = 20): Promise<ClientDecisionContext> {
  return db.transaction('r', db.clients, db.stakeholders, db.decisions, db.events, async () => {
    const [client, stakeholders, decisions, circulations] = await Promise.all([
      db.clients.get(clientId),
      db.stakeholders.where('clientId').equals(clientId).toArray(),
      db.decisions.where('clientId').equals(clientId).toArray(),
      db.events.where('[clientId+name]').equals([clientId, 'decision_circulated']).toArray(),
    ]);
    decisions.sort((a, b) => b.decidedAt - a.decidedAt || b.createdAt - a.createdAt);
    stakeholders.sort((a, b) => a.name.localeCompare(b.name));
    return { client: client ?? null, stakeholders, decisions: decisions.slice(0, recent), circulations };
  });
}
