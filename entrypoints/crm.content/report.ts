/** The layout report's raw outline for the CRM on this page (see lib/crm/outline.ts), asked for by the panel. */
import * as dynamics from '../../lib/crm/dynamics/selectors';
import * as hubspot from '../../lib/crm/hubspot/selectors';
import { outlinePage, type PageOutline } from '../../lib/crm/outline';
import * as pipedrive from '../../lib/crm/pipedrive/selectors';
import * as salesforce from '../../lib/crm/salesforce/selectors';
import type { CrmKind } from '../../lib/crm/types';

const SELECTORS = { salesforce, hubspot, dynamics, pipedrive };

/** The whole page body, probed with every selector the CRM's reader uses. */
export function outlineFor(crm: CrmKind): PageOutline {
  const s = SELECTORS[crm];
  return outlinePage(document.body, s, s.HIDDEN_ANCESTOR);
}
