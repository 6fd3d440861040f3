/**
 * The triage, live, from the per-client summaries (`lib/triage/store.ts`). The page opens on `openTriage`: the
 * clients changed since the last visit are rebuilt and every summary read, in one transaction (started by
 * `prepareTriage` before React's first render). From then on a live query reads them again whenever they change;
 * when a write anywhere marks a client dirty, the summaries are refreshed first, with the last triage kept on screen
 * meanwhile.
 */
import { useEffect, useRef, useState } from 'react';
import type { Triage } from '../triage/rules';
import { useCall, useQuery, type DataSource } from './data';

export interface TriageState {
  /** The latest triage decided from up-to-date summaries (kept on screen while they are refreshed). */
  triage: Triage | null;
  /** Summaries are being rebuilt: on the first open after an update or a big sync, every client's. */
  updating: boolean;
  /** The refresh failed: what went wrong, in a sentence. */
  error: string | null;
}

let opening: Promise<Triage> | undefined;

/** Start opening the triage now (the dashboard's `main.tsx`, on the triage's route, before the first render). */
export function prepareTriage(source: DataSource): void {
  opening ??= source.call('openTriage', []) as Promise<Triage>;
  opening.catch(() => undefined); // handled where it is taken; not an unhandled rejection meanwhile
}

const sentence = (err: unknown) => `Could not update the triage: ${err instanceof Error ? err.message : String(err)}`;

export function useTriage(): TriageState {
  const call = useCall();
  const [opened, setOpened] = useState<{ triage: Triage | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const last = useRef<Triage | null>(null);
  useEffect(() => {
    let current = true;
    // The prepared opening once; a later visit to the triage in this page opens afresh.
    const p = opening ?? call('openTriage');
    opening = undefined;
    p.then(
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
  }, [call]);
  const read = useQuery('triage', opened ? [] : null).value;
  useEffect(() => {
    if (!read?.stale) return;
    let current = true;
    call('refreshTriage').then(
      () => current && setError(null),
      (err: unknown) => current && setError(sentence(err)),
    );
    return () => {
      current = false;
    };
  }, [read, call]);
  if (read?.triage) last.current = read.triage;
  const triage = last.current ?? opened?.triage ?? null;
  return { triage, updating: !opened || read?.stale === true, error };
}
