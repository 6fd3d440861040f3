/**
 * The background's sync scheduler: decides when the engine (`lib/sync/engine.ts`) runs, and makes sure only one run
 * happens at a time. Triggers:
 * - a local write: the outbox's last id, watched with Dexie's `liveQuery` (Dexie propagates writes made in any
 *   extension page), debounced;
 * - an alarm every minute, re-created whenever the worker starts;
 * - the browser coming back `online`;
 * - a `{ type: 'sync:now' }` runtime message from a page (a server poke, or the user's "Sync now");
 * - the sync settings changing.
 *
 * After a run that pulled rows it also refreshes the triage's summaries (`lib/triage/store.ts`).
 *
 * MV3 stops the worker whenever it likes, so nothing here is state that cannot be rebuilt: the outbox, cursor and
 * status live in IndexedDB, the settings in storage. Listeners are registered synchronously, as MV3 requires for
 * events that wake the worker.
 */
import { liveQuery } from 'dexie';
import { browser, type Browser } from 'wxt/browser';
import { getDb } from '../db';
import type { BatonDb } from '../db/schema';
import { refreshTriage } from '../triage/store';
import type { FetchLike } from '../sync/client';
import { SyncEngine, type SyncRunResult } from '../sync/engine';
import { syncNowMessageSchema } from '../messages/sync';
import { bindingOf } from '../sync/connect';
import { syncSettings, type SyncSettings } from '../settings/sync';
import { isBlocked, readSyncStatus, writeSyncStatus } from '../sync/status';

export const SYNC_ALARM = 'baton-sync';
const LOCK = 'baton-sync';

export interface SchedulerOptions {
  db?: BatonDb;
  loadSettings?: () => Promise<SyncSettings | null>;
  fetch?: FetchLike;
  /** At most one write-triggered run per this many ms, so a burst of edits goes in one push. */
  debounceMs?: number;
}

export interface SyncScheduler {
  /** Run a sync now, or once more after the current one; resolves when that run ended. */
  trigger(reason: string, force?: boolean): Promise<SyncRunResult | null>;
  /** Remove every listener and stop a run in progress (for tests; the worker just dies). */
  stop(): void;
}

/** Start the triggers. Call once, synchronously, from the background's main function. */
export function startSyncScheduler(options: SchedulerOptions = {}): SyncScheduler {
  const db = options.db ?? getDb();
  const loadSettings = options.loadSettings ?? (() => syncSettings.get());
  const debounceMs = options.debounceMs ?? 300;
  const life = new AbortController();
  let running: Promise<SyncRunResult | null> | null = null;
  let again = false;
  let againForced = false;
  let engine: SyncEngine | null = null;

  async function runOnce(force: boolean): Promise<SyncRunResult | null> {
    const settings = await loadSettings();
    if (!settings) {
      if ((await readSyncStatus(db)).state !== 'off') await writeSyncStatus(db, { state: 'off' });
      return null;
    }
    // A bad token or an old protocol: asking again every minute cannot help until the settings change.
    if (!force && isBlocked(await readSyncStatus(db))) return null;
    if (globalThis.navigator?.onLine === false) {
      await writeSyncStatus(db, { state: 'offline', since: Date.now(), reason: 'This computer is offline.' });
      return null;
    }
    engine = new SyncEngine({ db, ...settings, binding: bindingOf(settings), fetch: options.fetch });
    if (life.signal.aborted) engine.dispose();
    try {
      const result = await engine.run();
      if (result.pulled > 0) await keepTriageFresh();
      return result;
    } finally {
      engine = null;
    }
  }

  /** Pulled rows marked their clients' triage summaries dirty: rebuild them now, so the dashboard opens at once. */
  async function keepTriageFresh(): Promise<void> {
    try {
      await refreshTriage(db);
    } catch (err) {
      console.warn('Baton could not update the triage:', err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error');
    }
  }

  /** One run at a time: an in-memory flag here, plus a Web Lock across contexts where the browser has them. */
  function locked(force: boolean): Promise<SyncRunResult | null> {
    const locks = globalThis.navigator?.locks;
    return locks ? locks.request(LOCK, () => runOnce(force)) : runOnce(force);
  }

  function trigger(_reason: string, force = false): Promise<SyncRunResult | null> {
    if (life.signal.aborted) return Promise.resolve(null);
    if (running) {
      again = true;
      againForced ||= force;
      return running; // its loop runs once more before it resolves
    }
    running = (async () => {
      let result: SyncRunResult | null = null;
      let forced = force;
      try {
        do {
          again = false;
          againForced = false;
          try {
            result = await locked(forced);
          } catch (err) {
            // Only the error's name and message: they never hold the token or row data.
            console.warn('Baton sync run failed:', err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error');
          }
          forced = againForced;
        } while (again && !life.signal.aborted);
        return result;
      } finally {
        running = null; // synchronously after the last check of `again`, so no trigger falls between
      }
    })();
    return running;
  }

  // Local writes: the outbox's last id rises. Its head being deleted (acknowledged) changes nothing here.
  // Leading and trailing edge: a write after a quiet spell syncs at once (another profile's open panel shows it
  // sooner), writes that follow within `debounceMs` of that wait and go together in one run.
  let lastSeen = -1;
  let lastWriteRun = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outboxWatch = liveQuery(() => db.outbox.orderBy(':id').lastKey()).subscribe({
    next(last) {
      const id = typeof last === 'number' ? last : 0;
      if (id > 0 && id !== lastSeen && lastSeen !== -1) {
        clearTimeout(timer);
        const wait = Math.max(0, lastWriteRun + debounceMs - Date.now());
        timer = setTimeout(() => {
          lastWriteRun = Date.now();
          void trigger('write');
        }, wait);
      }
      lastSeen = id;
    },
    error(err: unknown) {
      console.warn('Baton could not watch the outbox:', err instanceof Error ? err.name : 'unknown error');
    },
  });

  const onAlarm = (alarm: Browser.alarms.Alarm) => {
    if (alarm.name === SYNC_ALARM) void trigger('alarm');
  };
  // Answered through sendResponse + `return true`, which both Chrome and the polyfill understand.
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    const parsed = syncNowMessageSchema.safeParse(message);
    if (!parsed.success) return undefined; // someone else's message
    void trigger('message', parsed.data.force ?? false).then((r) => sendResponse({ outcome: r?.outcome ?? 'skipped' }));
    return true;
  };
  const onOnline = () => void trigger('online');

  browser.alarms.onAlarm.addListener(onAlarm);
  browser.runtime.onMessage.addListener(onMessage as never);
  const unwatchSettings = syncSettings.watch(() => void trigger('settings', true));
  globalThis.addEventListener?.('online', onOnline);
  void ensureAlarm();
  void trigger('start');

  return {
    trigger,
    stop() {
      life.abort();
      engine?.dispose();
      clearTimeout(timer);
      outboxWatch.unsubscribe();
      browser.alarms.onAlarm.removeListener(onAlarm);
      browser.runtime.onMessage.removeListener(onMessage as never);
      unwatchSettings();
      globalThis.removeEventListener?.('online', onOnline);
    },
  };
}

/** The minute alarm, created when missing (alarms survive worker restarts but not every browser restart). */
async function ensureAlarm(): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (!existing || existing.periodInMinutes !== 1) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
}
