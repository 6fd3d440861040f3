// The only place a Dynamics 365 CSS selector is written. Proven by test/fixtures/dynamics/*.html.
// The Unified Interface's generated classes change per release; its `data-id` hooks do not.
import type { HostLayout } from '../types';

/** Forms and tabs the Unified Interface keeps loaded but hidden. */
export const HIDDEN_ANCESTOR = '[hidden]';

/** The record name in the form header. */
export const RECORD_TITLE = 'h1[data-id="header_title"]';

/**
 * The name of the business process flow's current stage (Qualify, Develop, Propose, Close on the
 * Opportunity Sales Process): the stage item the flow marks selected when the form opens.
 */
export const BPF_ACTIVE_STAGE =
  '#bpfContainer li[data-selected-stage="true"] [data-id^="MscrmControls.Containers.ProcessBreadCrumb-processHeaderStageName"]';

/** The header's Status Reason value (In Progress, Won, Canceled, Out-Sold): the only sign of a win. */
export const STATUS_REASON = '[data-id="header_statuscode"] [data-id$="_text-value"]';

// Docking (Unified Interface): the top bar and the command bar above the form.
export const LAYOUT: HostLayout = { header: '[data-id="topBar"], [data-id="CommandBar"]', push: '[data-id="editFormRoot"]', top: 88 };
