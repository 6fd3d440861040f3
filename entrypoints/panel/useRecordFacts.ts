/**
 * The record's facts as the panel uses them: what the CRM page shows, filled in from Salesforce's REST API where
 * the page shows no stage and "Read from Salesforce" is on (lib/crm/facts.ts decides), with where each came from.
 */
import { useMemo } from 'react';
import { withApiAnswer, type RecordFacts } from '../../lib/crm/facts';
import type { HostRecord } from './useHostRecord';
import { useSalesforceAnswer, type SalesforceTarget } from './useSalesforceSuggestions';

/** The Salesforce opportunity a record is, for the API; null for any other record. */
export function salesforceTarget(record: HostRecord | null): SalesforceTarget | null {
  return record?.ref.crm === 'salesforce' && record.ref.object === 'opportunity' ? { pageOrigin: record.crmOrigin, opportunityId: record.ref.id } : null;
}

export interface RecordFactsState {
  facts: RecordFacts;
  /** Why the API could not fill in what the page does not show (session expired, no access…); null when it did or is off. */
  apiNote: string | null;
}

export function useRecordFacts(record: HostRecord | null): RecordFactsState | null {
  const target = useMemo(() => salesforceTarget(record), [record?.ref.crm, record?.ref.object, record?.ref.id, record?.crmOrigin]);
  const answer = useSalesforceAnswer(target);
  return useMemo(() => {
    if (!record) return null;
    return withApiAnswer({ ...record, crm: record.ref.crm, object: record.ref.object }, answer);
  }, [record, answer]);
}
