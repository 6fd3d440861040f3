// The only place a Salesforce CSS selector is written. Proven by test/fixtures/salesforce/*.html; each fixture's
// note names its public source. Salesforce's own UTAM page objects (npm `salesforce-pageobjects`) are the best
// evidence there is: Salesforce keeps them working against every release for its customers' UI tests.
// Content scripts run in an isolated world with the browser's own DOM prototypes, so Lightning's
// synthetic shadow DOM does not hide these elements from querySelectorAll.
import type { HostLayout } from '../types';

/**
 * Ancestors that mean "not on screen". Lightning keeps every recently visited record page in the DOM,
 * each in its own `.oneContent` page host, and marks only the visible one `active` (see
 * opportunity-cached.html). Console apps keep one `.navexWorkspace` per workspace tab and mark the focused one
 * `active` (UTAM `navex/workspaceManager`: `.navexWorkspace.active`; see console-workspaces.html).
 * `slds-hide` and `[hidden]` are SLDS's and HTML's own hiding markers.
 * Not `aria-hidden`: Lightning sets it on the page behind an open modal (Edit, Log a Call), which is
 * still the record the user is on.
 */
export const HIDDEN_ANCESTOR = '.oneContent:not(.active), .navexWorkspace:not(.active), .slds-hide, [hidden]';

/**
 * The record name: the `primaryField` slot of the highlights panel, in the standard panel (`records-highlights2`,
 * UTAM `records/highlights2`) or the Dynamic Highlights Panel, which renders no `records-highlights2` at all
 * (UTAM `record/flexipage/dynamicHighlights2` → `highlightsPrimaryRow`; see opportunity-dynamic-highlights.html).
 */
export const RECORD_TITLE =
  'records-highlights2 h1 [slot="primaryField"], record_flexipage-dynamic-highlights2 record_flexipage-highlights-primary-row [slot="primaryField"]';

/**
 * The highlights panels, where the compact layout's fields (Account Name among them on an opportunity) sit.
 */
const HIGHLIGHTS = ['records-highlights2', 'record_flexipage-dynamic-highlights2'];

/**
 * The opportunity's account: the highlights panel's link to an Account record (key prefix `001`, or the object
 * name in the path). Matched on where the link goes, not on its label, which each org and language words its own way.
 */
export const ACCOUNT_LINK = HIGHLIGHTS.flatMap((h) => [`${h} a[href*="/r/001"]`, `${h} a[href*="/r/Account/"]`]).join(', ');

/**
 * The Path's current stage: an SLDS Path item (Aura path, `lightning-progress-step`) or the LWC path's step
 * (`runtime_sales_pathassistant-path-step`, UTAM `runtime_sales/pathStep`, which keeps the state classes on the
 * step itself). `slds-is-active` alone is the stage the user clicked to preview, not the current one.
 */
export const PATH_CURRENT_ITEM = '.slds-path__item.slds-is-current, runtime_sales_pathassistant-path-step.slds-is-current';

/**
 * The stage name inside a Path item; the link also holds assistive text ("Current Stage:"). The LWC path
 * carries the name in `data-label` (UTAM `pathStep.getLabel` reads that attribute), which the reader prefers.
 */
export const PATH_ITEM_TITLE = '.slds-path__title';

/** SLDS marks the closed stage of a won record so, whatever the stage is called in the org. */
export const PATH_WON_ITEM = '.slds-is-won';

/** Classic record detail: the record name under the object label in the page title block. */
export const CLASSIC_TITLE = '.bPageTitle .pageDescription';

/** Classic opportunity detail: the Stage field's inline-edit cell (`opp11` is StageName). */
export const CLASSIC_STAGE = '#opp11_ileinner';

// Docking: Lightning's global header and the app's tab bar; record pages live in .oneCenterStage. Classic: #AppBodyHeader, .bodyDiv.
export const LAYOUT: HostLayout = { header: '#oneHeader, .oneAppNavContainer, #AppBodyHeader', push: '.oneCenterStage, .bodyDiv', top: 90 };
