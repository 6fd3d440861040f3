/**
 * React hooks over Dexie live queries: pages and components get plain values and re-render when any tab, the popup
 * or the sync engine changes the rows behind them. `undefined` means "still loading".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { CrmRef } from '../domain/schemas';
import { getDb } from './index';
import { loadClientBundle, loadRecordContext, type ClientBundle, type RecordContext } from './queries';

/** What a CRM record resolves to: its link, client and deal (all null when the record is not linked yet). */
export function useRecordContext(ref: CrmRef | null): RecordContext | undefined {
  const key = ref ? `${ref.crm}:${ref.instance}:${ref.object}:${ref.id}` : '';
  return useLiveQuery(() => (ref ? loadRecordContext(getDb(), ref) : { link: null, client: null, deal: null }), [key]);
}

/** Everything about one client, for the panel and the client page. */
export function useClientBundle(clientId: string | null | undefined): ClientBundle | null | undefined {
  return useLiveQuery(() => (clientId ? loadClientBundle(getDb(), clientId) : null), [clientId]);
}

/** Run any query from `queries.ts` live. */
export function useQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  return useLiveQuery(query, deps);
}
