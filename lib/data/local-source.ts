/**
 * The data source of the extension pages that may open the database (popup, dashboard, side panel): each query runs
 * as a Dexie `liveQuery` over the extension's own database, each write as its repository call.
 */
import type { liveQuery as LiveQuery } from 'dexie';
import type { DataSource } from '../hooks/data';
import { ops, queries, type OpName, type QueryName } from './registry';
import type { BatonDb } from '../db/schema';

type AnyFn = (db: BatonDb, ...args: unknown[]) => Promise<unknown>;

/** What a local source needs, loaded when first used (the popup loads Dexie only once it is interactive). */
export interface Database {
  db: BatonDb;
  liveQuery: typeof LiveQuery;
}

/** A source over the database that `open` gives. */
export function localSource(open: () => Promise<Database>): DataSource {
  return {
    subscribe(name: QueryName, args, onValue, onError) {
      let stop: (() => void) | null = null;
      let cancelled = false;
      Promise.all([open(), queries[name]()]).then(
        ([{ db, liveQuery }, fn]) => {
          if (cancelled) return;
          const sub = liveQuery(() => (fn as unknown as AnyFn)(db, ...args)).subscribe({ next: onValue, error: (e: unknown) => onError(asError(e)) });
          stop = () => sub.unsubscribe();
        },
        (e: unknown) => !cancelled && onError(asError(e)),
      );
      return () => {
        cancelled = true;
        stop?.();
      };
    },
    async call(name: OpName, args) {
      const [{ db }, fn] = await Promise.all([open(), ops[name]()]);
      return (fn as unknown as AnyFn)(db, ...args);
    },
  };
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));
