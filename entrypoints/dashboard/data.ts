/**
 * The dashboard's reads. Whole-portfolio views read a few tables in bulk (one `toArray` each, in one read
 * transaction) and decide in memory: 5,000 clients cost eight IndexedDB requests, not 40,000. Pages use the hooks,
 * which re-run when any tab, the popup or the sync engine changes the rows.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db';
import type { BatonDb } from '../../lib/db/schema';
import type { ClientBundle as DomainBundle } from '../../lib/domain/bundle';
import type { ClientBundle } from '../../lib/db/queries';
import type { EventName } from '../../lib/domain/schemas';
import { buildTriage, type Triage } from '../../lib/triage';
import { buildMetrics, type MetricsView } from './metrics-model';

/** Read everything the triage needs, in bulk, and decide it. */
export async function loadTriage(db: BatonDb, now = Date.now()): Promise<Triage> {
  const tables = [db.clients, db.crmLinks, db.deals, db.handoffs, db.stakeholders, db.objectives, db.decisions, db.events];
  const [clients, crmLinks, deals, handoffs, stakeholders, objectives, decisions, circulated] = await db.transaction('r', tables, () =>
    Promise.all([
      db.clients.toArray(),
      db.crmLinks.toArray(),
      db.deals.toArray(),
      db.handoffs.toArray(),
      db.stakeholders.toArray(),
      db.objectives.toArray(),
      db.decisions.toArray(),
      db.events.where('name').equals('decision_circulated').toArray(),
    ]),
  );
  const circulatedDecisionIds = new Set<string>();
  for (const e of circulated) if (typeof e.payload['decisionId'] === 'string') circulatedDecisionIds.add(e.payload['decisionId']);
  return buildTriage({ clients, crmLinks, deals, handoffs, stakeholders, objectives, decisions, circulatedDecisionIds, now });
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

export function useTriage(): Triage | undefined {
  return useLiveQuery(() => loadTriage(getDb()), []);
}

export function useMetrics(): MetricsView | undefined {
  return useLiveQuery(() => loadMetrics(getDb()), []);
}

/** The domain's view of a loaded bundle (what signals, the business case and the one-pager take). */
export function toDomainBundle(b: ClientBundle, now = Date.now()): DomainBundle {
  return { client: b.client, stakeholders: b.stakeholders, objective: b.objective ?? undefined, decisions: b.decisions, handoffs: b.handoffs, events: b.events, now };
}
