// The only place a Pipedrive CSS selector is written. Proven by test/fixtures/pipedrive/*.html.
import type { HostLayout } from '../types';

/** Panels Pipedrive keeps mounted but hides. */
export const HIDDEN_ANCESTOR = '[hidden]';

/** The deal, organization or person name in the detail view header. */
export const RECORD_TITLE = '[data-test="header-title"]';

/** The current segment of the deal's pipeline stage bar (`aria-current="step"`), its name inside. */
export const CURRENT_STAGE = '[data-test="pipeline-stages"] [aria-current="step"] [data-test="stage-name"]';

/** The Won/Lost badge that replaces the Won and Lost buttons once a deal is closed. */
export const DEAL_STATUS = '[data-test="deal-status"]';

// Docking: the top navigation; detail views render in a main element.
export const LAYOUT: HostLayout = { header: '[data-test="main-navigation"]', push: 'main.detail', top: 56 };
