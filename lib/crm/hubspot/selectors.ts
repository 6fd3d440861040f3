// The only place a HubSpot CSS selector is written. Proven by test/fixtures/hubspot/*.html.
// HubSpot's class names are generated per build; its `data-selenium-test` hooks are the stable ones.
import type { HostLayout } from '../types';

/** Views HubSpot keeps mounted but hides (inactive tabs, closed panels). */
export const HIDDEN_ANCESTOR = '[hidden]';

/**
 * The record name at the top of the left-hand highlight card. The record's own card comes before any
 * preview side panel in the DOM, so the first visible match is the record on the page.
 */
export const RECORD_TITLE = '[data-selenium-test="highlightTitle"]';

/** The deal's "Deal stage" property control; its text is the stage label shown to the user. */
export const DEAL_STAGE = '[data-selenium-test="property-input-dealstage"]';

// Docking: the top navigation (v4); the record page is the main landmark.
export const LAYOUT: HostLayout = { header: '#hs-nav-v4', push: '#main-content', top: 56 };
