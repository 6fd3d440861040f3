import { readDynamicsPage } from './dynamics/reader';
import { readHubspotPage } from './hubspot/reader';
import { readPipedrivePage } from './pipedrive/reader';
import { readSalesforcePage } from './salesforce/reader';
import type { CrmKind, CrmRecordRef, PageFacts, ReadOptions } from './types';
import { waitForPage } from './wait';

/** One synchronous page reader per CRM; each returns what the page shows right now. */
export const PAGE_READERS: Readonly<Record<CrmKind, (doc: Document) => PageFacts>> = {
  salesforce: readSalesforcePage,
  hubspot: readHubspotPage,
  dynamics: readDynamicsPage,
  pipedrive: readPipedrivePage,
};

/**
 * The record's title, stage and won flag as the page shows them, waiting for a late-rendered page.
 * Resolves as soon as the title (and, on an opportunity, the stage) is on screen; after `timeoutMs`
 * resolves with whatever was found, nulls included; rejects with the signal's reason when it aborts.
 */
export function readPageFacts(ref: CrmRecordRef, doc: Document, options?: ReadOptions): Promise<PageFacts> {
  const read = PAGE_READERS[ref.crm];
  return waitForPage(
    doc,
    () => read(doc),
    (facts) => facts.title !== null && (ref.object !== 'opportunity' || facts.stage !== null),
    options,
  );
}
