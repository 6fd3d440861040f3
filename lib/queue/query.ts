/**
 * The queue's read model, for the popup and the toolbar badge, written so it never scans the big append-only
 * tables: open hand-overs by `status`, recent decisions by `decidedAt` and recent events by `at`.
 */
import { DAY_MS } from '../domain/time';
import { QUEUE_DECISION_DAYS } from '../domain/windows';
import { buildQueue, type QueueInput, type QueueItem } from './rules';
import { groupBy } from '../domain/group-by';
import type { CrmLink } from '../domain/schemas';
import { isMe, type Person } from '../domain/people';
import type { BatonDb } from '../db/schema';

/**
 * Everything `buildQueue` needs, through indexes: hand-overs by status, decisions decided in the window, events
 * since the window opened (logging and circulation of those decisions happen after they are decided), and the
 * objectives and names of only the clients involved or owned by me.
 */
export async function loadQueueInput(db: BatonDb, me: Person, now: number): Promise<QueueInput> {
  const since = now - QUEUE_DECISION_DAYS * DAY_MS;
  return db.transaction('r', [db.clients, db.handoffs, db.decisions, db.events, db.objectives], async () => {
    const [handoffs, decisions, events, clients] = await Promise.all([
      db.handoffs.where('status').anyOf('submitted', 'rejected').toArray(),
      db.decisions.where('decidedAt').aboveOrEqual(since).toArray(),
      // No Dexie `filter` here: it would walk a cursor; `toArray` on the range is one `getAll`.
      db.events.where('at').aboveOrEqual(since).toArray(),
      db.clients.toArray(),
    ]);
    const byId = new Map(clients.map((c) => [c.id, c] as const));
    const decisionEvents = events.filter((e) => e.name === 'decision_logged' || e.name === 'decision_reopened' || e.name === 'decision_circulated');
    const mine = clients.filter((c) => isMe(c.salesOwner, me) || isMe(c.csOwner, me)).map((c) => c.id);
    const objectives = mine.length ? await db.objectives.where('clientId').anyOf(mine).toArray() : [];
    return { me, now, clients: byId, handoffs, decisions, events: decisionEvents, objectives };
  });
}

/** My queue as the popup shows it: the items, and the CRM links of their clients (to open their records). */
export interface MyQueue {
  items: QueueItem[];
  links: Map<string, CrmLink[]>;
}

/** My queue at `now`, with the links of the clients in it. */
export async function loadMyQueue(db: BatonDb, me: Person, now: number): Promise<MyQueue> {
  const items = buildQueue(await loadQueueInput(db, me, now));
  const ids = [...new Set(items.map((i) => i.clientId))];
  const rows = ids.length ? await db.crmLinks.where('clientId').anyOf(ids).toArray() : [];
  return { items, links: groupBy(rows, (l) => l.clientId) };
}
