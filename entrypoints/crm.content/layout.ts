/** The panel's size when docked, and each CRM's docking selectors (`LAYOUT` in lib/crm/<crm>/selectors.ts). */
import { LAYOUT as dynamics } from '../../lib/crm/dynamics/selectors';
import { LAYOUT as hubspot } from '../../lib/crm/hubspot/selectors';
import { LAYOUT as pipedrive } from '../../lib/crm/pipedrive/selectors';
import { LAYOUT as salesforce } from '../../lib/crm/salesforce/selectors';
import type { CrmKind, HostLayout } from '../../lib/crm/types';

export const LAYOUTS: Readonly<Record<CrmKind, HostLayout>> = { salesforce, hubspot, dynamics, pipedrive };

/** Panel width when docked (px). */
export const PANEL_WIDTH = 360;

/** Below this viewport width the panel floats over the page instead of pushing it (px). */
export const OVERLAY_BELOW = 1024;
