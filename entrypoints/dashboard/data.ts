/**
 * The dashboard's reads. The triage reads its per-client summaries (one small row per client, kept up to date on
 * every write); the metrics read a few tables in bulk (one `toArray` each, in one read transaction) and decide in
 * memory. Pages use the hooks, which re-run when any tab, the popup or the sync engine changes the rows.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { getDb } from '../../lib/db';
import type { BatonDb } from '../../lib/db/schema';
import type { ClientBundle as DomainBundle } from '../../lib/domain/bundle';
import type { ClientBundle } from '../../lib/db/queries';
import type { EventName } from '../../lib/domain/schemas';
import { openTriage, readTriage, refreshTriage } from '../../lib/triage/store';
import type { Triage } from '../../lib/triage/rules';
import { buildMetrics, type MetricsView } from '../../lib/metrics/view';

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

export interface TriageState {
  /** The latest triage decided from up-to-date summaries (kept on screen while they are refreshed). */
  triage: Triage | null;
  /** Summaries are being rebuilt: on the first open after an update or a big sync, every client's. */
  updating: boolean;
  /** The refresh failed: what went wrong, in a sentence. */
  error: string | null;
}

/** The triage the page opens with, started by `main.tsx` on the triage's route before React's first render. */
let opening: Promise<Triage> | undefined;
export function prepareTriage(): void {
  opening ??= openTriage(getDb());
  opening.catch(() => undefined); // handled where it is taken; not an unhandled rejection meanwhile
}

/** The prepared opening once (a later visit to the triage in this page opens afresh). */
function takeOpening(): Promise<Triage> {
  const p = opening ?? openTriage(getDb());
  opening = undefined;
  return p;
}

const sentence = (err: unknown) => `Could not update the triage: ${err instanceof Error ? err.message : String(err)}`;

/**
 * The triage, live, from the per-client summaries (`lib/triage/store.ts`). The page opens on `openTriage`: the
 * clients changed since the last visit are rebuilt and every summary read, in one transaction. From then on a live
 * query reads them again whenever they change; when a write anywhere marks a client dirty, the summaries are
 * refreshed first, with the last triage kept on screen meanwhile.
 */
export function useTriage(): TriageState {
  const [opened, setOpened] = useState<{ triage: Triage | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const last = useRef<Triage | null>(null);
  useEffect(() => {
    let current = true;
    takeOpening().then(
      (triage) => current && setOpened({ triage }),
      (err: unknown) => {
        if (!current) return;
        setError(sentence(err));
        setOpened({ triage: null });
      },
    );
    return () => {
      current = false;
    };
  }, []);
  const read = useLiveQuery(() => (opened ? readTriage(getDb()) : undefined), [opened !== null]);
  useEffect(() => {
    if (!read?.stale) return;
    let current = true;
    refreshTriage(getDb()).then(
      () => current && setError(null),
      (err: unknown) => current && setError(sentence(err)),
    );
    return () => {
      current = false;
    };
  }, [read]);
  if (read?.triage) last.current = read.triage;
  const triage = last.current ?? opened?.triage ?? null;
  return { triage, updating: !opened || read?.stale === true, error };
}

export function useMetrics(): MetricsView | undefined {
  return useLiveQuery(() => loadMetrics(getDb()), []);
}

/** The domain's view of a loaded bundle (what signals, the business case and the one-pager take). */
export function toDomainBundle(b: ClientBundle, now = Date.now()): DomainBundle {
  return { client: b.client, stakeholders: b.stakeholders, objective: b.objective ?? undefined, decisions: b.decisions, handoffs: b.handoffs, events: b.events, now };
}
