import type { CrmObjectKind, CrmRecordRef } from '../types';

/** `<company>.pipedrive.com`; a few sub-domains belong to Pipedrive itself, not to a company. */
const HOST = /^([a-z0-9-]+)\.pipedrive\.com$/;
const NOT_COMPANIES = new Set(['www', 'app', 'api', 'developers', 'support', 'marketplace', 'oauth']);
/** Detail pages: `/deal/<id>`, `/organization/<id>`, `/person/<id>`. */
const RECORD = /^\/(deal|organization|person)\/(\d+)\/?$/;

const KINDS: Readonly<Record<string, CrmObjectKind>> = {
  deal: 'opportunity',
  organization: 'account',
  person: 'contact',
};

/** Pipedrive detail pages; pipelines, list views, leads inbox and settings return null. */
export function detectPipedriveRecord(url: URL): CrmRecordRef | null {
  const host = HOST.exec(url.hostname);
  const m = RECORD.exec(url.pathname);
  if (!host || !m || NOT_COMPANIES.has(host[1]!)) return null;
  return { crm: 'pipedrive', instance: host[1]!, object: KINDS[m[1]!] ?? 'other', objectName: m[1]!, id: m[2]! };
}
