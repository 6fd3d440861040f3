/**
 * The popup's data, as hooks over live queries. Ordered by what the first paint needs: nothing. The form renders
 * and takes focus at once; the search index (from its cache), the active record and the chosen client's few rows
 * follow; the queue is read only after the popup is interactive, and the search index is refreshed from the tables
 * after that.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { getDb } from '../../lib/db';
import { loadClientDecisionContext, loadSearchableClients, type ClientDecisionContext } from '../../lib/db/popup-queries';
import { crmLinkKey, type CrmLink, type CrmRef } from '../../lib/domain/schemas';
import type { TabRecord } from '../../lib/messages';
import type { Person } from '../../lib/people';
import type { QueueItem } from '../../lib/queue';
import { ClientIndex } from '../../lib/search';
import { readSearchCache, writeSearchCache } from '../../lib/search-cache';
import { getActiveRecord } from './active-record';
import { markOnce } from './perf';

// Started when the page's script runs, before React renders: the reads overlap the first render.
const cachedClients = readSearchCache();
const activeRecord = getActiveRecord();

/**
 * The search index over every client; null until there is one. Served from the cache of the last opening at once
 * (`lib/search-cache.ts`); the tables are read once `refresh` is true (after the popup is interactive and its first
 * queries are done, so the big read never delays them) or at once when there is no cache, and live from then on.
 */
export function useClientIndex(refresh: boolean): ClientIndex | null {
  const [index, setIndex] = useState<ClientIndex | null>(null);
  const [noCache, setNoCache] = useState(false);
  const fresh = useRef(false);
  useEffect(() => {
    void cachedClients.then((cached) => {
      if (fresh.current) return;
      if (cached) setIndex(ClientIndex.build(cached));
      else setNoCache(true);
    });
  }, []);
  const rows = useLiveQuery(() => (refresh || noCache ? loadSearchableClients(getDb()) : undefined), [refresh || noCache]);
  useEffect(() => {
    if (!rows) return;
    fresh.current = true;
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

/** The CRM record of the tab the popup was opened over, and the client it resolves to. */
export function useActiveRecord(): ActiveRecord {
  const [tab, setTab] = useState<TabRecord | null>(null);
  useEffect(() => {
    let live = true;
    void activeRecord.then((r) => live && setTab(r));
    return () => {
      live = false;
    };
  }, []);
  const ref = useMemo<CrmRef | null>(() => {
    if (tab?.type !== 'baton:record') return null;
    const { crm, instance, object, id } = tab.ref;
    return object === 'account' || object === 'opportunity' ? { crm, instance, object, id } : null;
  }, [tab]);
  const key = ref ? crmLinkKey(ref) : null;
  const link = useLiveQuery(async () => (key ? ((await getDb().crmLinks.get(key)) ?? null) : null), [key]);
  return { tab, ref, link: tab === null ? undefined : link };
}

/** One client's stakeholders, recent decisions and their circulations; null without a client. */
export function useClientContext(clientId: string | null): ClientDecisionContext | null | undefined {
  return useLiveQuery(() => (clientId ? loadClientDecisionContext(getDb(), clientId) : null), [clientId]);
}

export interface Queue {
  items: QueueItem[];
  /** The CRM links of the clients in the queue, to open their records. */
  links: Map<string, CrmLink[]>;
}

type QueueModules = [typeof import('../../lib/queue'), typeof import('../../lib/db/queue-query')];

/**
 * My queue, computed only once `enabled` (after the popup is interactive; its rules load then, out of the first
 * bundle); re-computed every minute for deadlines.
 */
export function useQueue(me: Person, enabled: boolean): Queue | undefined {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  const [mods, setMods] = useState<QueueModules | null>(null);
  useEffect(() => {
    const t = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 30_000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (enabled && !mods) void Promise.all([import('../../lib/queue'), import('../../lib/db/queue-query')]).then(setMods);
  }, [enabled, mods]);
  return useLiveQuery(async () => {
    if (!mods) return undefined;
    const [{ buildQueue }, { loadQueueInput }] = mods;
    const db = getDb();
    const items = buildQueue(await loadQueueInput(db, me, Date.now()));
    const ids = [...new Set(items.map((i) => i.clientId))];
    const rows = ids.length ? await db.crmLinks.where('clientId').anyOf(ids).toArray() : [];
    const links = new Map<string, CrmLink[]>();
    for (const l of rows) links.set(l.clientId, [...(links.get(l.clientId) ?? []), l]);
    return { items, links };
  }, [mods, me.name, me.email, minute]);
}
