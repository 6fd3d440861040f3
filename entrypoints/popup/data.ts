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
import type { ClientDecisionContext } from '../../lib/decisions/context';
import { localSource } from '../../lib/data/local-source';
import { FALLBACK_PROFILE, type Person } from '../../lib/domain/people';
import type { CrmLink, CrmRef } from '../../lib/domain/schemas';
import { useQuery } from '../../lib/hooks/data';
import { useSetting } from '../../lib/hooks/useSetting';
import type { TabRecord } from '../../lib/messages/panel';
import type { MyQueue } from '../../lib/queue/query';
import { ClientIndex } from '../../lib/search/client-index';
import { readSearchCache, writeSearchCache } from '../../lib/search/cache';
import type { Profile } from '../../lib/settings/profile';
import { askActiveTab } from './active-record';
import { markOnce } from './perf';

export type DataLayer = typeof import('./data-layer');

/**
 * The popup's data source: the database, once the data layer is here. The hooks below pass no arguments (run
 * nothing) until it is, so no query pulls Dexie into the first render; a write loads it when it needs it.
 */
export const popupSource = localSource(async () => (await loadDataLayer()).database());

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
  const rows = useQuery('searchableClients', dl && (refresh || noCache) ? [] : null).value;
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
  const link = useQuery('recordLink', dl && ref ? [ref] : null, { keepPrevious: true }).value;
  return { tab, ref, link: tab === null ? undefined : ref === null ? null : link };
}

/** One client's stakeholders, recent decisions and their circulations; null without a client. */
export function useClientContext(dl: DataLayer | null, clientId: string | null): ClientDecisionContext | null | undefined {
  const context = useQuery('clientDecisionContext', dl && clientId ? [clientId] : null, { keepPrevious: true }).value;
  return !dl ? undefined : clientId ? context : null;
}

/** The profile (`lib/settings/profile.ts`), validated once the data layer is here, kept current. */
export function useProfile(dl: DataLayer | null): Profile {
  return useSetting(dl?.profileSetting ?? null) ?? FALLBACK_PROFILE;
}

/**
 * My queue, read only once `enabled` (after the popup is interactive; its rules load then, out of the first
 * bundle); re-read every minute for deadlines.
 */
export function useQueue(dl: DataLayer | null, me: Person, enabled: boolean): MyQueue | undefined {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const t = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 30_000);
    return () => clearInterval(t);
  }, []);
  const person: Person = me.email ? { name: me.name, email: me.email } : { name: me.name };
  return useQuery('myQueue', dl && enabled ? [person, minute * 60_000] : null, { keepPrevious: true }).value;
}
