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
  // Lightning: the global header (#oneHeader) and the app's navigation bar; the record pages live in .oneCenterStage.
  salesforce: { header: '#oneHeader, .oneAppNavContainer, .bPageHeader, #AppBodyHeader', push: '.oneCenterStage, #bodyTable', top: 90 },
  // HubSpot: the top navigation bar; the record page is inside the app root.
  hubspot: { header: '#hs-nav-v4, [data-test-id="navigation"], nav#navbar, header', push: '#hs-content, main, body', top: 64 },
  // Dynamics 365 (Unified Interface): the top bar and the command bar; the form lives in the main content region.
  dynamics: { header: '#topBar, [data-id="topBar"], [data-id="CommandBar"]', push: '#mainContent, [data-id="main"], body', top: 88 },
  // Pipedrive: the fixed top bar; detail views render in the app content area.
  pipedrive: { header: 'header, [data-testid="header"], .fe-header', push: '#application, main, body', top: 56 },
};

/** Panel width when docked (px). */
export const PANEL_WIDTH = 360;

/** Below this viewport width the panel floats over the page instead of pushing it (px). */
export const OVERLAY_BELOW = 1024;
