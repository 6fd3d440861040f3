import type { CrmObjectKind, CrmRecordRef } from '../types';

/** Dynamics 365 online: `<org>.crm.dynamics.com`, `<org>.crm4.dynamics.com`, … one per region. */
const HOST = /^([a-z0-9-]+)\.crm\d*\.dynamics\.com$/;
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/;

/** The legacy web client names the entity by type code (`etc`) instead of logical name. */
const TYPE_CODES: Readonly<Record<string, string>> = { '1': 'account', '2': 'contact', '3': 'opportunity' };

const KINDS: Readonly<Record<string, CrmObjectKind>> = {
  account: 'account',
  opportunity: 'opportunity',
  contact: 'contact',
};

/**
 * Dynamics 365 record forms: `main.aspx?pagetype=entityrecord&etn=<entity>&id=<guid>`. The id may come
 * with braces, URL-encoded once or twice (links pasted through other apps) and in either case; it is
 * returned lower-case without braces. A form without an id is a new-record form and returns null.
 */
export function detectDynamicsRecord(url: URL): CrmRecordRef | null {
  const host = HOST.exec(url.hostname);
  if (!host || url.pathname.toLowerCase() !== '/main.aspx') return null;
  const q = url.searchParams;
  if ((q.get('pagetype') ?? '').toLowerCase() !== 'entityrecord') return null;
  let raw = q.get('id') ?? '';
  try {
    raw = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const guid = GUID.exec(raw.trim().toLowerCase());
  const entity = (q.get('etn') ?? TYPE_CODES[q.get('etc') ?? ''] ?? '').toLowerCase();
  if (!guid || !entity) return null;
  return { crm: 'dynamics', instance: host[1]!, object: KINDS[entity] ?? 'other', objectName: entity, id: guid[1]! };
}
