/**
 * The metrics' read: a few tables in bulk (one `toArray` each, in one read transaction), decided in memory by
 * `buildMetrics`. Events are read through the `name` index, so the rest of the timeline stays out of memory.
 */
import type { BatonDb } from '../db/schema';
import type { EventName } from '../domain/schemas';
import { buildMetrics, type MetricsView } from './view';

/** The events the metrics count. */
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
