import type { CrmKind } from '../../lib/crm/types';

/**
 * Where the panel docks on each CRM's page: which elements form the global header (the panel starts below the
 * lowest of them) and which container is pushed left to make room. These are CRM selectors outside
 * lib/crm/<crm>/selectors.ts only because that folder belongs to the CRM adapters; move them there as a
 * `layout` export when it is next opened (issue 4).
 */
export interface HostLayout {
  /** The CRM's global header and tab/navigation bars, which the panel must not cover. */
  header: string;
  /** The element whose right margin makes room for the docked panel (page content, not the header). */
  push: string;
  /** Top of the panel when no header element is found (px). */
  top: number;
}

export const LAYOUTS: Readonly<Record<CrmKind, HostLayout>> = {
  // Lightning: the global header and the app's tab bar; record pages live in .oneCenterStage. Classic: #AppBodyHeader, .bodyDiv.
  salesforce: { header: '#oneHeader, .oneAppNavContainer, #AppBodyHeader', push: '.oneCenterStage, .bodyDiv', top: 90 },
  // HubSpot: the top navigation (v4); the record page is the main landmark.
  hubspot: { header: '#hs-nav-v4', push: '#main-content', top: 56 },
  // Dynamics 365 (Unified Interface): the top bar and the command bar above the form.
  dynamics: { header: '[data-id="topBar"], [data-id="CommandBar"]', push: '[data-id="editFormRoot"]', top: 88 },
  // Pipedrive: the top navigation; detail views render in a main element.
  pipedrive: { header: '[data-test="main-navigation"]', push: 'main.detail', top: 56 },
};

/** Panel width when docked (px). */
export const PANEL_WIDTH = 360;

/** Below this viewport width the panel floats over the page instead of pushing it (px). */
export const OVERLAY_BELOW = 1024;
