/**
 * The dashboard's reads. Whole-portfolio views read a few tables in bulk (one `toArray` each, in one read
 * transaction) and decide in memory: 5,000 clients cost eight IndexedDB requests, not 40,000. Pages use the hooks,
 * which re-run when any tab, the popup or the sync engine changes the rows.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '../../lib/db';
import type { BatonDb } from '../../lib/db/schema';
import type { ClientBundle as DomainBundle } from '../../lib/domain/bundle';
import type { ClientBundle } from '../../lib/db/queries';
import type { EventName } from '../../lib/domain/schemas';
import { DAY_MS } from '../../lib/domain/time';
import { DECISION_READ_DAYS, buildTriage, type Triage } from '../../lib/triage';
import { buildMetrics, type MetricsView } from './metrics-model';
import { MARK_TRIAGE_DECIDED, MARK_TRIAGE_READ } from './perf';

/**
 * Read everything the triage needs, in bulk, and decide it. Indexes keep out what no rule can use: accepted
 * hand-overs (the `status` index), decisions older than the triage's window (`decidedAt`) and events other than the
 * circulation of those decisions (`at`, since a circulation comes after its decision).
 */
export async function loadTriage(db: BatonDb, now = Date.now()): Promise<Triage> {
  const since = now - DECISION_READ_DAYS * DAY_MS;
  const tables = [db.clients, db.crmLinks, db.deals, db.handoffs, db.stakeholders, db.objectives, db.decisions, db.events];
  const [clients, crmLinks, deals, handoffs, stakeholders, objectives, decisions, recentEvents] = await db.transaction('r', tables, () =>
    Promise.all([
      db.clients.toArray(),
      db.crmLinks.toArray(),
      db.deals.toArray(),
      db.handoffs.where('status').anyOf(['draft', 'submitted', 'rejected']).toArray(),
      db.stakeholders.toArray(),
      db.objectives.toArray(),
      db.decisions.where('decidedAt').above(since).toArray(),
      db.events.where('at').above(since).toArray(),
    ]),
  );
  performance.mark(MARK_TRIAGE_READ);
  const circulatedDecisionIds = new Set<string>();
  for (const e of recentEvents) if (e.name === 'decision_circulated' && typeof e.payload['decisionId'] === 'string') circulatedDecisionIds.add(e.payload['decisionId']);
  const triage = buildTriage({ clients, crmLinks, deals, handoffs, stakeholders, objectives, decisions, circulatedDecisionIds, now });
  performance.mark(MARK_TRIAGE_DECIDED);
  return triage;
}

/** The events the metrics count (the `name` index keeps the rest of the timeline out of memory). */
const METRIC_EVENTS: EventName[] = [
  'contract_signed',
  'first_value_achieved',
  'expansion_signal_detected',
  'handoff_submitted',
  'handoff_rejected',
  'handoff_accepted',
];

export async function loadMetrics(db: BatonDb, now = Date.now()): Promise<MetricsView> {
  const [clients, stakeholders, handoffs, events] = await db.transaction('r', [db.clients, db.stakeholders, db.handoffs, db.events], () =>
    Promise.all([db.clients.toArray(), db.stakeholders.toArray(), db.handoffs.toArray(), db.events.where('name').anyOf(METRIC_EVENTS).toArray()]),
  );
  return buildMetrics({ clients, stakeholders, handoffs, events, now });
}

/**
 * The last triage this browser decided, kept in the extension origin's localStorage (same origin and trust as the
 * database) so the dashboard opens on it at once, read synchronously before the first render, while the fresh
 * triage is read and decided from the tables (seconds, with 200,000 rows on a slow machine). Stale-while-revalidate:
 * the page says it is updating until the fresh one replaces it.
 */
const SNAPSHOT_KEY = 'baton.dashboard.triageSnapshot';
const SNAPSHOT_VERSION = 1;

function readSnapshot(): Triage | undefined {
  try {
    const text = localStorage.getItem(SNAPSHOT_KEY);
    if (!text) return undefined;
    const v = JSON.parse(text) as { version?: unknown; rows?: unknown; clients?: unknown };
    if (v.version !== SNAPSHOT_VERSION || !Array.isArray(v.rows) || typeof v.clients !== 'number') return undefined;
    return { rows: v.rows as Triage['rows'], clients: v.clients };
  } catch {
    return undefined;
  }
}

function writeSnapshot(t: Triage): void {
  try {
    localStorage.setItem(SNAPSHOT_KEY, JSON.stringify({ version: SNAPSHOT_VERSION, at: Date.now(), clients: t.clients, rows: t.rows }));
  } catch {
    // Over the origin's localStorage quota: no snapshot, the next open waits for the fresh triage.
    forgetTriageSnapshot();
  }
}

/** Drop the snapshot (after "delete all local data", so no client's name outlives it). */
export function forgetTriageSnapshot(): void {
  try {
    localStorage.removeItem(SNAPSHOT_KEY);
  } catch {
    // localStorage unavailable: there is nothing to forget.
  }
}

export interface TriageState {
  triage: Triage;
  /** False while showing the snapshot of the last visit. */
  fresh: boolean;
}

export function useTriage(): TriageState | undefined {
  const [snapshot] = useState(readSnapshot);
  const live = useLiveQuery(() => loadTriage(getDb()), []);
  useEffect(() => {
    if (!live) return;
    // Off the critical path: serialising 5,000 rows takes a few tens of milliseconds.
    const id = setTimeout(() => writeSnapshot(live), 500);
    return () => clearTimeout(id);
  }, [live]);
  if (live) return { triage: live, fresh: true };
  return snapshot ? { triage: snapshot, fresh: false } : undefined;
}

export function useMetrics(): MetricsView | undefined {
  return useLiveQuery(() => loadMetrics(getDb()), []);
}

/** The domain's view of a loaded bundle (what signals, the business case and the one-pager take). */
export function toDomainBundle(b: ClientBundle, now = Date.now()): DomainBundle {
  return { client: b.client, stakeholders: b.stakeholders, objective: b.objective ?? undefined, decisions: b.decisions, handoffs: b.handoffs, events: b.events, now };
}
