// The only place a Pipedrive CSS selector is written. Proven by test/fixtures/pipedrive/*.html; each fixture's
// note names its public source. The live app marks elements with `data-testid` (Clockify's Pipedrive selectors);
// our older saved pages used `data-test`, kept so they still read.
import type { HostLayout } from '../types';

/** Panels Pipedrive keeps mounted but hides. */
export const HIDDEN_ANCESTOR = '[hidden]';

/**
 * The deal title: the value of the editable text box inside the header title (Clockify's `selectors.json`,
 * `pipedrive.dealView`: `[data-testid="header-title"]` holding `.cui5-editable-text__input`, unchanged 2023–2026).
 * The value, not the text: what the user typed into the box never reaches its `textContent`.
 */
export const RECORD_TITLE = '[data-testid="header-title"] textarea.cui5-editable-text__input';

/** The older saved pages' title (deal.html, organization.html), and organization and person headers. */
export const LEGACY_TITLE = '[data-testid="header-title"], [data-test="header-title"]';

/**
 * UNPROVEN: no public source shows Pipedrive's stage bar. The current segment (`aria-current="step"`) of the
 * pipeline stage bar, its name inside, in both attribute spellings. A layout report from a live deal page is
 * what would prove or replace it (docs/crm-layouts.md).
 */
export const CURRENT_STAGE = [
  '[data-testid="pipeline-stages"] [aria-current="step"] [data-testid="stage-name"]',
  '[data-test="pipeline-stages"] [aria-current="step"] [data-test="stage-name"]',
].join(', ');

/** UNPROVEN, as the stage bar: the Won/Lost badge that replaces the Won and Lost buttons once a deal is closed. */
export const DEAL_STATUS = '[data-testid="deal-status"], [data-test="deal-status"]';

/**
 * The deal's organization: the first link to an organization record (`/organization/<id>`, Pipedrive's own
 * record URLs, see lib/crm/pipedrive/detect.ts). Where the link sits on the page is unproven.
 */
export const ORGANIZATION_LINK = 'a[href*="/organization/"]';

// Docking: the top navigation; detail views render in a main element.
export const LAYOUT: HostLayout = { header: '[data-test="main-navigation"], [data-testid="main-navigation"]', push: 'main.detail, main', top: 56 };
