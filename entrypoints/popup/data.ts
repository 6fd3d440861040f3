/**
 * The popup's data, as hooks. Ordered by what the first paint needs: nothing. The form renders and takes focus at
 * once, and the client search is built from its cache (`lib/search/cache.ts`, read synchronously) in the first
 * render; none of that waits for the data layer (`data-layer.ts`: Dexie, zod), which loads once the popup is
 * interactive. Then the active record and the chosen
 * client's few rows follow; the queue is read only after the popup is interactive, and the search index is
 * refreshed from the tables after that.
 *
 * This module is on the first bundle's path: it imports from the data layer only types (`import type`), and reaches
 * its values through `useDataLayer()`.
 */
import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import type { ClientDecisionContext } from '../../lib/db/popup-queries';
import { groupBy } from '../../lib/domain/group-by';
import type { CrmLink, CrmRef } from '../../lib/domain/schemas';
import type { TabRecord } from '../../lib/messages/panel';
import type { Person } from '../../lib/domain/people';
import type { Profile } from '../../lib/settings/profile';
import type { QueueItem } from '../../lib/queue/rules';
import { ClientIndex } from '../../lib/search/client-index';
import { readSearchCache, writeSearchCache } from '../../lib/search/cache';
import type { SyncStatusView } from '../../lib/sync/status';
import { askActiveTab } from './active-record';
import { markOnce } from './perf';

export type DataLayer = typeof import('./data-layer');

// Started when the page's script runs, before React renders: the question overlaps the first render.
const tabAnswer = askActiveTab();
let started: Promise<DataLayer> | null = null;
let onLoaded: (dl: DataLayer) => void = () => {};
const loaded = new Promise<DataLayer>((resolve) => (onLoaded = resolve));

/**
 * The data layer, loading it if nobody has yet: the popup starts it once it is interactive (or at once when there is
 * no search cache); saving and the other writes wait for it.
 */
export function loadDataLayer(): Promise<DataLayer> {
  if (!started) {
    started = import('./data-layer');
    void started.then(onLoaded);
  }
  return started;
}

/**
 * The data layer once it has loaded (null before), started when `start` is true. Its download, compile and the
 * first database reads (hundreds of kilobytes of Dexie and zod, and opening the database) would otherwise share
 * the main thread with the first render and the search index, so they wait for the popup to be interactive.
 */
export function useDataLayer(start: boolean): DataLayer | null {
  const [dl, setDl] = useState<DataLayer | null>(null);
  useEffect(() => {
    let live = true;
    void loaded.then((m) => live && setDl(m));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (start) void loadDataLayer();
  }, [start]);
  return dl;
}

/**
 * A live query over the database (Dexie's `liveQuery`, as `useLiveQuery`), subscribed once the data layer is here:
 * undefined until its first result; keeps the last result while the deps change.
 */
export function useLive<T>(dl: DataLayer | null, querier: (dl: DataLayer) => Promise<T> | T, deps: readonly unknown[]): T | undefined {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({ value: undefined, error: null });
  useEffect(() => {
    if (!dl) return;
    const sub = dl.liveQuery(() => querier(dl)).subscribe({
      next: (value) => setState((s) => (s.value === value && s.error === null ? s : { value, error: null })),
      error: (error: unknown) => setState((s) => ({ value: s.value, error })),
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dl, ...deps]);
  if (state.error !== null) throw state.error;
  return state.value;
}

/**
 * The search index over every client; null until there is one. Served from the cache of the last opening at once
 * (`lib/search/cache.ts`); the tables are read once `refresh` is true (after the popup is interactive and its first
 * queries are done, so the big read never delays them) or at once when there is no cache, and live from then on.
 */
export function useClientIndex(dl: DataLayer | null, refresh: boolean): ClientIndex | null {
  // The cache is read synchronously: the index is there for the first render.
  const [initial] = useState(() => {
    const cached = readSearchCache();
    return cached ? ClientIndex.build(cached) : null;
  });
  const [index, setIndex] = useState<ClientIndex | null>(initial);
  const noCache = initial === null;
  useEffect(() => {
    if (noCache) void loadDataLayer();
  }, [noCache]);
  const rows = useLive(dl, (d) => (refresh || noCache ? d.loadSearchableClients(d.getDb()) : undefined), [refresh || noCache]);
  useEffect(() => {
    if (!rows) return;
    setIndex(ClientIndex.build(rows));
    void writeSearchCache(rows).then(() => markOnce('baton:search-cached'));
  }, [rows]);
  return index;
}

export interface ActiveRecord {
  /** What the tab shows (no record: not a CRM record page, or not asked yet). */
  tab: TabRecord | null;
  /** The record as a `CrmRef`, when it is an account or an opportunity (the objects Baton links). */
  ref: CrmRef | null;
  /** Its link to a client; null when not linked, undefined while looking. */
  link: CrmLink | null | undefined;
}

const NO_RECORD: TabRecord = { type: 'baton:no-record' };

/** The CRM record of the tab the popup was opened over, and the client it resolves to. */
export function useActiveRecord(dl: DataLayer | null): ActiveRecord {
  const [tab, setTab] = useState<TabRecord | null>(null);
  useEffect(() => {
    if (!dl) return;
    let live = true;
    // The tab's answer is validated with the messages' schema, which comes with the data layer.
    void tabAnswer.then((answer) => {
      const parsed = dl.tabRecordSchema.safeParse(answer);
      if (live) setTab(parsed.success ? parsed.data : NO_RECORD);
    });
    return () => {
      live = false;
    };
  }, [dl]);
  const ref = useMemo<CrmRef | null>(() => {
    if (tab?.type !== 'baton:record') return null;
    const { crm, instance, object, id } = tab.ref;
    return object === 'account' || object === 'opportunity' ? { crm, instance, object, id } : null;
  }, [tab]);
  const link = useLive(dl, async (d) => (ref ? ((await d.getDb().crmLinks.get(d.crmLinkKey(ref))) ?? null) : null), [ref]);
  return { tab, ref, link: tab === null ? undefined : link };
}

/** One client's stakeholders, recent decisions and their circulations; null without a client. */
export function useClientContext(dl: DataLayer | null, clientId: string | null): ClientDecisionContext | null | undefined {
  return useLive(dl, (d) => (clientId ? d.loadClientDecisionContext(d.getDb(), clientId) : null), [clientId]);
}

const FALLBACK_PROFILE: Profile = { name: 'Me', email: '' };
const PROFILE_KEY = 'baton.profile';

/** The profile (`lib/settings/profile.ts`'s `useProfile`, validated once the data layer is here), kept current. */
export function useProfile(dl: DataLayer | null): Profile {
  const [profile, setProfile] = useState<Profile>(FALLBACK_PROFILE);
  useEffect(() => {
    if (!dl) return;
    let live = true;
    void dl.getProfile().then((p) => live && setProfile(p));
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && PROFILE_KEY in changes) {
        const parsed = dl.profileSchema.safeParse(changes[PROFILE_KEY]?.newValue);
        setProfile(parsed.success ? parsed.data : FALLBACK_PROFILE);
      }
    };
    browser.storage.onChanged.addListener(onChange);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChange);
    };
  }, [dl]);
  return profile;
}

/** The sync status line (`lib/sync/useSyncStatus.ts`'s `useSyncStatus`, once the data layer is here). */
export function useSyncStatus(dl: DataLayer | null): SyncStatusView | undefined {
  useEffect(() => {
    if (!dl) return;
    const ac = new AbortController();
    void dl.watchPokesFromPage(ac.signal);
    return () => ac.abort();
  }, [dl]);
  const data = useLive(dl, (d) => d.loadSyncStatus(d.getDb()), []);
  // "Synced 2 min ago" ages without any database change: re-describe every 30 s.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return dl && data ? dl.describeSyncStatus(data.stored, data.pending, data.lastSyncedAt, Math.max(now, Date.now())) : undefined;
}

export interface Queue {
  items: QueueItem[];
  /** The CRM links of the clients in the queue, to open their records. */
  links: Map<string, CrmLink[]>;
}

type QueueModules = [typeof import('../../lib/queue/rules'), typeof import('../../lib/queue/query')];

/**
 * My queue, computed only once `enabled` (after the popup is interactive; its rules load then, out of the first
 * bundle); re-computed every minute for deadlines.
 */
export function useQueue(dl: DataLayer | null, me: Person, enabled: boolean): Queue | undefined {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  const [mods, setMods] = useState<QueueModules | null>(null);
  useEffect(() => {
    const t = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 30_000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (enabled && !mods) void Promise.all([import('../../lib/queue/rules'), import('../../lib/queue/query')]).then(setMods);
  }, [enabled, mods]);
  return useLive(
    dl,
    async (d) => {
      if (!mods) return undefined;
      const [{ buildQueue }, { loadQueueInput }] = mods;
      const db = d.getDb();
      const items = buildQueue(await loadQueueInput(db, me, Date.now()));
      const ids = [...new Set(items.map((i) => i.clientId))];
      const rows = ids.length ? await db.crmLinks.where('clientId').anyOf(ids).toArray() : [];
      return { items, links: groupBy(rows, (l) => l.clientId) };
    },
    [mods, me.name, me.email, minute],
  );
}
