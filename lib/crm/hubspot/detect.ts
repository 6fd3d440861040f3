import type { CrmObjectKind, CrmRecordRef } from '../types';

/** `app.hubspot.com` and the regional data centres `app-<hublet>.hubspot.com` (e.g. `app-eu1`). */
const HOST = /^app(?:-[a-z0-9]+)?\.hubspot\.com$/;
/** The record page of any object type: `/contacts/<portal>/record/<objectTypeId>/<id>`. */
const RECORD = /^\/contacts\/(\d+)\/record\/(\d+-\d+)\/(\d+)(?:\/.*)?$/;
/** The older per-object record pages, still linked from e-mails and bookmarks. */
const LEGACY = /^\/contacts\/(\d+)\/(contact|company|deal|ticket)\/(\d+)(?:\/.*)?$/;

/** Legacy object names to their object type ids, so both URL forms give the same ref. */
const LEGACY_TYPES: Readonly<Record<string, string>> = {
  contact: '0-1',
  company: '0-2',
  deal: '0-3',
  ticket: '0-5',
};

const KINDS: Readonly<Record<string, CrmObjectKind>> = {
  '0-1': 'contact',
  '0-2': 'account',
  '0-3': 'opportunity',
};

/**
 * HubSpot record pages. `objectName` is always the object type id (`0-3` for deals) whichever URL
 * form the user came by; list views, boards, reports and settings return null.
 */
export function detectHubspotRecord(url: URL): CrmRecordRef | null {
  if (!HOST.test(url.hostname)) return null;
  const m = RECORD.exec(url.pathname);
  const legacy = m ? null : LEGACY.exec(url.pathname);
  const portal = (m ?? legacy)?.[1];
  const type = m ? m[2] : legacy && LEGACY_TYPES[legacy[2]!];
  const id = (m ?? legacy)?.[3];
  if (!portal || !type || !id) return null;
  return { crm: 'hubspot', instance: portal, object: KINDS[type] ?? 'other', objectName: type, id };
}
