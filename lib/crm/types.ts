/** The CRMs Baton overlays; each has its own folder under `lib/crm/`. */
export type CrmKind = 'salesforce' | 'hubspot' | 'dynamics' | 'pipedrive';

/** The few object kinds the panel treats differently; everything else is `other`. */
export type CrmObjectKind = 'account' | 'opportunity' | 'contact' | 'other';

/**
 * Which record the user is looking at, as read from the URL alone.
 * `instance` is the org or portal (Salesforce My Domain incl. sandbox part, HubSpot portal id,
 * Dynamics org, Pipedrive company), `objectName` the CRM's own name for the object
 * (`Opportunity`, `0-3`, `opportunity`, `deal`) and `id` the record id in its canonical form
 * (Salesforce 18 characters, Dynamics lower-case GUID without braces).
 */
export interface CrmRecordRef {
  crm: CrmKind;
  instance: string;
  object: CrmObjectKind;
  objectName: string;
  id: string;
}

/**
 * What the content script reads off a record page. Every field is plain text or null
 * ("not shown"); `isWonStage` is null when the page shows no stage or status to decide it.
 * `account` is the company an opportunity or deal belongs to (null on accounts, and when not shown).
 */
export interface PageFacts {
  title: string | null;
  stage: string | null;
  isWonStage: boolean | null;
  account: string | null;
}

/** How long to wait for a late-rendered page and when to stop waiting. */
export interface ReadOptions {
  signal?: AbortSignal;
  /** Give up after this long and return what was found so far (default 10 s). */
  timeoutMs?: number;
}

/**
 * Where the panel docks on a CRM's page (each adapter's `LAYOUT` in its selectors.ts): which elements form the global
 * header (the panel starts below the lowest of them) and which container is pushed left to make room.
 */
export interface HostLayout {
  /** The CRM's global header and tab/navigation bars, which the panel must not cover. */
  header: string;
  /** The element whose right margin makes room for the docked panel (page content, not the header). */
  push: string;
  /** Top of the panel when no header element is found (px). */
  top: number;
}
