/**
 * Hosts the content script runs on: whole CRM hosts, the record is decided in code (see lib/crm/detect.ts), because
 * a content script starts only on a full page load and CRMs move between records without one.
 * Here, not in wxt.config.ts, so the content script can import it without bundling the build config.
 */
export const CRM_MATCHES = [
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://*.hubspot.com/*',
  'https://*.dynamics.com/*',
  'https://*.pipedrive.com/*',
];
