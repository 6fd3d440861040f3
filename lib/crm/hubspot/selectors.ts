// The only place a HubSpot CSS selector is written. Proven by test/fixtures/hubspot/*.html; each fixture's note
// names its public source. HubSpot's class names are generated per build; its test hooks are the stable ones:
// `data-test-id` on the 2025–26 record layout, `data-selenium-test` on the older one.
import type { HostLayout } from '../types';

/** Views HubSpot keeps mounted but hides (inactive tabs, closed panels). */
export const HIDDEN_ANCESTOR = '[hidden]';

/**
 * The record name at the top of the left-hand highlight card: `highlight-record-label` on the 2025–26 layout
 * (deal-highlights-2025.html), `highlightTitle` before (deal.html). The record's own card comes before any
 * preview side panel in the DOM, so the first visible match is the record on the page.
 */
export const RECORD_TITLE = '[data-test-id="highlight-record-label"], [data-selenium-test="highlightTitle"]';

/**
 * The deal stage in the 2025–26 highlight strip: the `property-input-dealstage` control inside the
 * `highlight-property-item-dealstage` row (the row also holds its label, "Deal stage:"). Read before
 * `LEGACY_DEAL_STAGE`, which current HubSpot renders only in the create-deal form.
 */
export const DEAL_STAGE = '[data-test-id="highlight-property-item-dealstage"] [data-test-id="property-input-dealstage"]';

/** The older layout's "Deal stage" property control; its text is the stage label shown to the user (deal.html). */
export const LEGACY_DEAL_STAGE = '[data-selenium-test="property-input-dealstage"]';

/**
 * The deal's company: the link to a company record (object type `0-2`) in the Companies association card
 * (`data-card-id` `ASSOCIATION_V3/0-2/…`), or the older layout's company chicklet.
 */
export const COMPANY_LINK =
  '[data-card-id^="ASSOCIATION_V3/0-2"] a[href*="/record/0-2/"], [data-selenium-test="company-chicklet-title-link"]';

// Docking: the top navigation (v4); the record page is the main landmark.
export const LAYOUT: HostLayout = { header: '#hs-nav-v4', push: '#main-content', top: 56 };
