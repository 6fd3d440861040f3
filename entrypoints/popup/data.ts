/**
 * The popup's data, as hooks over live queries. Ordered by what the first paint needs: nothing. The form renders
 * and takes focus at once; the search index (index keys only), the active record and the chosen client's few rows
 * follow; the queue is read only after the popup is interactive.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { getDb } from '../../lib/db';
import { loadClientDecisionContext, loadQueueInput, loadSearchableClients, type ClientDecisionContext } from '../../lib/db/queue-query';
import { crmLinkKey, type CrmLink, type CrmRef } from '../../lib/domain/schemas';
import type { TabRecord } from '../../lib/messages';
import type { Person } from '../../lib/people';
import { buildQueue, type QueueItem } from '../../lib/queue';
import { ClientIndex } from '../../lib/search';
import { getActiveRecord } from './active-record';

/** The search index over every client; null until built. Rebuilt when clients or their links change. */
export function useClientIndex(): ClientIndex | null {
  return useLiveQuery(async () => ClientIndex.build(await loadSearchableClients(getDb())), [], null);
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
    void getActiveRecord().then((r) => live && setTab(r));
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

/** My queue, computed only once `enabled` (after the popup is interactive); re-computed every minute for deadlines. */
export function useQueue(me: Person, enabled: boolean): Queue | undefined {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const t = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 30_000);
    return () => clearInterval(t);
  }, []);
  return useLiveQuery(async () => {
    if (!enabled) return undefined;
    const db = getDb();
    const items = buildQueue(await loadQueueInput(db, me, Date.now()));
    const ids = [...new Set(items.map((i) => i.clientId))];
    const rows = ids.length ? await db.crmLinks.where('clientId').anyOf(ids).toArray() : [];
    const links = new Map<string, CrmLink[]>();
    for (const l of rows) links.set(l.clientId, [...(links.get(l.clientId) ?? []), l]);
    return { items, links };
  }, [enabled, me.name, me.email, minute]);
}
