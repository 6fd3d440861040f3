/**
 * The one way pages read and write data: `useQuery(name, args)` gives a plain value that stays current whenever any
 * tab, the popup or the sync engine changes the rows behind it, and `useCall()` runs a write. The names are the
 * database registry's (`lib/data/registry.ts`). Where they run is the page's `DataSource`: the database itself on the
 * popup, dashboard and side panel (`lib/data/local-source.ts`), the background's port in the in-page panel
 * (`lib/data/port/client.ts`), whose frame may not open storage on a CRM site.
 *
 * No Dexie here: the popup's first bundle carries this module, and its source loads the database later.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ArgsOf, OpName, Ops, Queries, QueryName, ResultOf } from '../data/registry';

/** Where a page's queries and writes run. */
export interface DataSource {
  /** Run `query` live; `onValue` gets every answer. Returns the unsubscribe function. */
  subscribe(query: QueryName, args: readonly unknown[], onValue: (value: unknown) => void, onError: (error: Error) => void): () => void;
  /** Run a write once. */
  call(op: OpName, args: readonly unknown[]): Promise<unknown>;
}

const SourceContext = createContext<DataSource | null>(null);

/** Gives the page under it its data source. */
export function DataProvider({ source, children }: { source: DataSource; children: ReactNode }) {
  return <SourceContext.Provider value={source}>{children}</SourceContext.Provider>;
}

function useSource(): DataSource {
  const source = useContext(SourceContext);
  if (!source) throw new Error('This page has no data source: render it inside <DataProvider>.');
  return source;
}

/** A live query's state: `value` is undefined while loading (or after an error, which is then in `error`). */
export interface QueryState<T> {
  value: T | undefined;
  error: Error | null;
}

export interface QueryOptions {
  /** While new arguments are answered, keep showing the last value instead of `undefined`. */
  keepPrevious?: boolean;
}

/** Run a named query live with `args`; `null` args run nothing (the value stays undefined). */
export function useQuery<K extends QueryName>(name: K, args: ArgsOf<Queries[K]> | null, options: QueryOptions = {}): QueryState<ResultOf<Queries[K]>> {
  type T = ResultOf<Queries[K]>;
  const source = useSource();
  const key = args === null ? null : JSON.stringify(args);
  const [state, setState] = useState<{ key: string | null; value: T | undefined; error: Error | null }>({ key: null, value: undefined, error: null });
  useEffect(() => {
    if (key === null) return;
    // `key` carries `args` (JSON): re-subscribing on it, not on the array's identity, keeps one subscription per value.
    const parsed = JSON.parse(key) as unknown[];
    return source.subscribe(
      name,
      parsed,
      (value) => setState((s) => (s.key === key && s.value === value && s.error === null ? s : { key, value: value as T, error: null })),
      (error) => setState({ key, value: undefined, error }),
    );
  }, [source, name, key]);
  if (state.key === key) return { value: state.value, error: state.error };
  return { value: options.keepPrevious ? state.value : undefined, error: null };
}

/** Runs a named write; its promise rejects with the repository's error (validation errors carry their issues). */
export type Call = <K extends OpName>(op: K, ...args: ArgsOf<Ops[K]>) => Promise<ResultOf<Ops[K]>>;

/** The page's `call`. */
export function useCall(): Call {
  const source = useSource();
  return useCallback(((op: OpName, ...args: unknown[]) => source.call(op, args)) as unknown as Call, [source]);
}
