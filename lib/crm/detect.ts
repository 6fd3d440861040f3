import { detectDynamicsRecord } from './dynamics/detect';
import { detectHubspotRecord } from './hubspot/detect';
import { detectPipedriveRecord } from './pipedrive/detect';
import { detectSalesforceRecord } from './salesforce/detect';
import type { CrmKind, CrmRecordRef } from './types';

/**
 * One detector per CRM, each a pure function of a parsed URL that returns null for any host but its own.
 * Exported so the cross-detector test can run every detector on every other CRM's URLs.
 */
export const DETECTORS: Readonly<Record<CrmKind, (url: URL) => CrmRecordRef | null>> = {
  salesforce: detectSalesforceRecord,
  hubspot: detectHubspotRecord,
  dynamics: detectDynamicsRecord,
  pipedrive: detectPipedriveRecord,
};

/**
 * Which CRM record a page URL shows, or null for anything that is not a record page (list views,
 * home, setup, new-record forms, other sites, malformed URLs). Pure and dependency-free: the content
 * script runs it on every navigation.
 */
export function detectRecord(url: string): CrmRecordRef | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  for (const detect of Object.values(DETECTORS)) {
    const ref = detect(parsed);
    if (ref) return ref;
  }
  return null;
}
