// The only place a Dynamics 365 CSS selector is written. Proven by test/fixtures/dynamics/*.html; each fixture's
// note names its public source (Microsoft's EasyRepro element references, ewingjm/power-playwright's controls).
// The Unified Interface's generated classes change per release; its `data-id` hooks do not.
import type { HostLayout } from '../types';

/** Forms and tabs the Unified Interface keeps loaded but hidden. */
export const HIDDEN_ANCESTOR = '[hidden]';

/**
 * The record name in the form header (EasyRepro `Entity_HeaderTitle`). Its text may end with the save status
 * ("OC-1042 Espresso - Saved"); the plain name is in its `title` attribute, which the reader prefers.
 */
export const RECORD_TITLE = 'h1[data-id="header_title"]';

/**
 * The name of the business process flow's current stage (Qualify, Develop, Propose, Close on the
 * Opportunity Sales Process): the stage item the flow marks selected when the form opens
 * (power-playwright `BusinessProcessFlow`: `li[data-selected-stage='true']`, `processHeaderStageName_`).
 */
export const BPF_ACTIVE_STAGE =
  '#bpfContainer li[data-selected-stage="true"] [data-id^="MscrmControls.Containers.ProcessBreadCrumb-processHeaderStageName"]';

/**
 * The Status Reason (In Progress, Won, Canceled, Out-Sold), the only sign of a win, in each form the header
 * renders it, first match wins: a read-only text value (`…_text-value`, EasyRepro `Entity_OptionsetStatusTextValue`),
 * a `<select>` (EasyRepro `Entity_OptionSetFieldContainer`), or a Fluent combobox or button whose value or text is
 * the status (power-playwright `OptionSetControl`, `PicklistStatusControl`), all inside `header_statuscode`
 * (EasyRepro `Entity_Header_OptionSetFieldContainer`).
 */
export const STATUS_REASON = [
  '[data-id="header_statuscode"] [data-id$="_text-value"]',
  '[id*="statuscode.fieldControl-pickliststatus-comboBox_text-value"]',
  '[data-id="header_statuscode"] select',
  '[data-id="header_statuscode"] [role="combobox"]',
  '[data-id="header_statuscode"] button',
].join(', ');

/**
 * The opportunity's account: the selected tag of its Account (`parentaccountid`) or Potential Customer
 * (`customerid`) lookup, in the header or the form body (EasyRepro `Entity_LookupFieldExistingValue`; Toggl's
 * Dynamics integration reads `customerid…_selected_tag` the same way).
 */
export const ACCOUNT_TAG = '[data-id$="parentaccountid_selected_tag"], [data-id$="customerid_selected_tag"]';

// Docking (Unified Interface): the top bar and the command bar above the form.
export const LAYOUT: HostLayout = { header: '[data-id="topBar"], [data-id="CommandBar"]', push: '[data-id="editFormRoot"]', top: 88 };
