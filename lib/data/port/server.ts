/**
 * The background's side of the database port: runs the panel's live queries with Dexie's `liveQuery` and its
 * writes through the repositories, so the in-page panel works where its frame may not open storage.
 * Only extension pages may connect (a content script's port is refused).
 */
import { liveQuery } from 'dexie';
import { browser, type Browser } from 'wxt/browser';
import { getDb } from '../../db';
import type { BatonDb } from '../../db/schema';
import { ops, PANEL_OPS, PANEL_QUERIES, queries, type OpName, type QueryName } from '../registry';
import { DB_PORT_NAME, portRequestSchema, type PortError, type PortResponse } from './protocol';

type AnyFn = (db: BatonDb, ...args: unknown[]) => Promise<unknown>;

/** An error as the panel sees it (class name, message, issues with paths). */
export function toPortError(e: unknown): PortError {
  if (e instanceof Error) {
    const issues = (e as { issues?: unknown }).issues;
    return { name: e.name, message: e.message, ...(Array.isArray(issues) ? { issues: issues as PortError['issues'] } : {}) };
  }
  return { name: 'Error', message: String(e) };
}

/** Serve one connected port (exported for tests). */
export function servePort(port: Browser.runtime.Port, db: BatonDb = getDb()): void {
  const subs = new Map<number, { unsubscribe(): void }>();
  const send = (msg: PortResponse) => {
    try {
      port.postMessage(msg);
    } catch {
      // The panel went away between the change and the answer.
    }
  };
  port.onMessage.addListener((raw: unknown) => {
    const parsed = portRequestSchema.safeParse(raw);
    if (!parsed.success) return;
    const req = parsed.data;
    if (req.type === 'unsubscribe') {
      subs.get(req.id)?.unsubscribe();
      subs.delete(req.id);
    } else if (req.type === 'subscribe') {
      if (!PANEL_QUERIES.has(req.query as QueryName)) return send({ type: 'query-error', id: req.id, error: { name: 'UnknownQuery', message: `No query "${req.query}"` } });
      // Held until the query's code has loaded, so an unsubscribe that arrives meanwhile still stops it.
      let stopped = false;
      subs.set(req.id, { unsubscribe: () => (stopped = true) });
      void queries[req.query as QueryName]().then((fn) => {
        if (stopped) return;
        const sub = liveQuery(() => (fn as unknown as AnyFn)(db, ...req.args)).subscribe({
          next: (value) => send({ type: 'value', id: req.id, value }),
          error: (e) => send({ type: 'query-error', id: req.id, error: toPortError(e) }),
        });
        subs.set(req.id, sub);
      });
    } else {
      if (!PANEL_OPS.has(req.op as OpName)) return send({ type: 'result', id: req.id, ok: false, error: { name: 'UnknownOperation', message: `No operation "${req.op}"` } });
      ops[req.op as OpName]().then((fn) => (fn as unknown as AnyFn)(db, ...req.args)).then(
        (value) => send({ type: 'result', id: req.id, ok: true, value }),
        (e: unknown) => send({ type: 'result', id: req.id, ok: false, error: toPortError(e) }),
      );
    }
  });
  port.onDisconnect.addListener(() => {
    for (const s of subs.values()) s.unsubscribe();
    subs.clear();
  });
}

/** Accept database ports from extension pages (the panel iframe). */
export function serveDbPort(): void {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== DB_PORT_NAME) return;
    const from = port.sender?.url ? new URL(port.sender.url).origin : '';
    if (from !== origin) return port.disconnect();
    servePort(port);
  });
}
