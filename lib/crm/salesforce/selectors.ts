// The only place a Salesforce CSS selector is written. Proven by test/fixtures/salesforce/*.html.
// Content scripts run in an isolated world with the browser's own DOM prototypes, so Lightning's
// synthetic shadow DOM does not hide these elements from querySelectorAll.
import type { HostLayout } from '../types';

/**
 * Ancestors that mean "not on screen". Lightning keeps every recently visited record page in the DOM,
 * each in its own `.oneContent` page host, and marks only the visible one `active` (see
 * opportunity-cached.html). `slds-hide` and `[hidden]` are SLDS's and HTML's own hiding markers.
 * Not `aria-hidden`: Lightning sets it on the page behind an open modal (Edit, Log a Call), which is
 * still the record the user is on.
 */
export const HIDDEN_ANCESTOR = '.oneContent:not(.active), .slds-hide, [hidden]';

/** The record name in the Lightning highlights panel: the `primaryField` slot of the header's `h1`. */
export const RECORD_TITLE = 'records-highlights2 h1 [slot="primaryField"]';

/** The Path's current stage. `slds-is-active` alone is the stage the user clicked to preview, not the current one. */
export const PATH_CURRENT_ITEM = '.slds-path__item.slds-is-current';

/** The stage name inside a Path item; the link also holds assistive text ("Current Stage:"). */
export const PATH_ITEM_TITLE = '.slds-path__title';

/** SLDS marks the closed stage of a won record so, whatever the stage is called in the org. */
export const PATH_WON_ITEM = '.slds-is-won';

/** Classic record detail: the record name under the object label in the page title block. */
export const CLASSIC_TITLE = '.bPageTitle .pageDescription';

/** Classic opportunity detail: the Stage field's inline-edit cell (`opp11` is StageName). */
export const CLASSIC_STAGE = '#opp11_ileinner';

// Docking: Lightning's global header and the app's tab bar; record pages live in .oneCenterStage. Classic: #AppBodyHeader, .bodyDiv.
export const LAYOUT: HostLayout = { header: '#oneHeader, .oneAppNavContainer, #AppBodyHeader', push: '.oneCenterStage, .bodyDiv', top: 90 };
