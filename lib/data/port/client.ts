/**
 * The panel's side of the database port (`portSource`): each live query is answered by the background, each write
 * runs there. If the background is restarted (MV3 stops it when it likes), the port reconnects
 * and every live query is asked again.
 */
import { browser, type Browser } from 'wxt/browser';
import type { DataSource } from '../../hooks/data';
import type { OpName, QueryName } from '../registry';
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

type Sub = { query: string; args: unknown[]; onValue(v: unknown): void; onError(e: Error): void };
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
function callOp(op: OpName, args: readonly unknown[]): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    post({ type: 'call', id, op, args: JSON.parse(JSON.stringify(args)) as unknown[] });
  });
}

/** Subscribe to a live query; returns the unsubscribe function. */
function subscribeQuery(query: QueryName, args: readonly unknown[], onValue: (v: unknown) => void, onError: (e: Error) => void): () => void {
  const id = nextId++;
  subs.set(id, { query, args: [...args], onValue, onError });
  post({ type: 'subscribe', id, query, args: [...args] });
  return () => {
    subs.delete(id);
    if (port) post({ type: 'unsubscribe', id });
  };
}

/** The in-page panel's data source: every query and write answered by the background over the port. */
export const portSource: DataSource = { subscribe: subscribeQuery, call: callOp };
