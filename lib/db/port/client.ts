/**
 * The panel's side of the database port. `useRemoteQuery` is a live query answered by the background; `callOp`
 * runs a repository write there. If the background is restarted (MV3 stops it when it likes), the port reconnects
 * and every live query is asked again.
 */
import { useEffect, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import type { ArgsOf, OpName, Ops, QueryName, Queries } from './ops';
import { DB_PORT_NAME, portResponseSchema, type PortError, type PortRequest } from './protocol';

/** A write refused or failed in the background; carries the issues (with paths) of a validation error. */
export class RemoteError extends Error {
  override name: string;
  readonly issues: PortError['issues'];
  constructor(e: PortError) {
    super(e.message);
    this.name = e.name;
    this.issues = e.issues;
  }
}

type Sub = { query: string; args: unknown[]; onValue(v: unknown): void; onError(e: RemoteError): void };
let port: Browser.runtime.Port | undefined;
let nextId = 1;
const subs = new Map<number, Sub>();
const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();

function connect(): Browser.runtime.Port {
  if (port) return port;
  const p = browser.runtime.connect({ name: DB_PORT_NAME });
  port = p;
  p.onMessage.addListener((raw: unknown) => {
    const parsed = portResponseSchema.safeParse(raw);
    if (!parsed.success) return;
    const msg = parsed.data;
    if (msg.type === 'value') subs.get(msg.id)?.onValue(msg.value);
    else if (msg.type === 'query-error') subs.get(msg.id)?.onError(new RemoteError(msg.error));
    else {
      const p2 = pending.get(msg.id);
      pending.delete(msg.id);
      if (!p2) return;
      if (msg.ok) p2.resolve(msg.value);
      else p2.reject(new RemoteError(msg.error));
    }
  });
  p.onDisconnect.addListener(() => {
    port = undefined;
    for (const [, call] of pending) call.reject(new RemoteError({ name: 'Disconnected', message: 'Baton restarted while saving; try again.' }));
    pending.clear();
    // Ask again for every live query once the background is back, unless the extension itself is gone (reloaded
    // or updated: this orphaned frame can no longer reach it, and trying throws "Extension context invalidated").
    if (subs.size && browser.runtime?.id) setTimeout(resubscribe, 50);
  });
  return p;
}

function post(msg: PortRequest) {
  connect().postMessage(msg);
}

function resubscribe() {
  for (const [id, s] of subs) post({ type: 'subscribe', id, query: s.query, args: s.args });
}

/** Run a repository write in the background. */
export function callOp<K extends OpName>(op: K, ...args: ArgsOf<Ops[K]>): Promise<Awaited<ReturnType<Ops[K]>>> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    post({ type: 'call', id, op, args: JSON.parse(JSON.stringify(args)) as unknown[] });
  });
}

/** Subscribe to a live query; returns the unsubscribe function. */
export function subscribeQuery<K extends QueryName>(
  query: K,
  args: ArgsOf<Queries[K]>,
  onValue: (v: Awaited<ReturnType<Queries[K]>>) => void,
  onError: (e: RemoteError) => void,
): () => void {
  const id = nextId++;
  subs.set(id, { query, args, onValue: onValue as (v: unknown) => void, onError });
  post({ type: 'subscribe', id, query, args: args as unknown[] });
  return () => {
    subs.delete(id);
    if (port) post({ type: 'unsubscribe', id });
  };
}

/** A live query answered by the background: `undefined` while loading; throws nothing, errors come as `error`. */
export function useRemoteQuery<K extends QueryName>(query: K, args: ArgsOf<Queries[K]> | null): { value: Awaited<ReturnType<Queries[K]>> | undefined; error: RemoteError | null } {
  const key = args === null ? null : JSON.stringify(args);
  const [state, setState] = useState<{ key: string | null; value: Awaited<ReturnType<Queries[K]>> | undefined; error: RemoteError | null }>({ key, value: undefined, error: null });
  useEffect(() => {
    if (args === null) return;
    return subscribeQuery(query, args, (value) => setState({ key, value, error: null }), (error) => setState({ key, value: undefined, error }));
  }, [query, key]);
  return state.key === key ? { value: state.value, error: state.error } : { value: undefined, error: null };
}
