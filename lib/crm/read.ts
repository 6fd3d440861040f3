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
 * What the page shows right now about `ref`. The account is an opportunity's only: on an account page the
 * same panels may link a parent account, which is not the record's own company.
 */
export function readPage(ref: CrmRecordRef, doc: Document): PageFacts {
  const facts = PAGE_READERS[ref.crm](doc);
  return ref.object === 'opportunity' ? facts : { ...facts, account: null };
}

/**
 * The record's title, stage, won flag and account as the page shows them, waiting for a late-rendered page.
 * Resolves as soon as the title (and, on an opportunity, the stage) is on screen; after `timeoutMs`
 * resolves with whatever was found, nulls included; rejects with the signal's reason when it aborts.
 * The account is not waited for: many layouts never show it, and the content script re-reads on every change.
 */
export function readPageFacts(ref: CrmRecordRef, doc: Document, options?: ReadOptions): Promise<PageFacts> {
  return waitForPage(
    doc,
    () => readPage(ref, doc),
    (facts) => facts.title !== null && (ref.object !== 'opportunity' || facts.stage !== null),
    options,
  );
}
