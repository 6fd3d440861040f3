/**
 * Links back to a CRM record from what Baton stores about it (a `CrmRef`), so the popup's queue and the dashboard
 * open the record where the work happens. Pure; the inverse of `lib/crm/detect.ts` for accounts and opportunities.
 *
 * What a stored ref cannot say, and the choice made:
 * - Salesforce: the ref keeps the My Domain name (`acme`, or `acme--uat` for a sandbox) but not the org kind, so a
 *   name with `--` is taken for a sandbox (`acme--uat.sandbox.lightning.force.com`); Developer Edition and scratch
 *   orgs would need the kind stored on the link.
 * - HubSpot: `app.hubspot.com` redirects portals of other data centres (app-eu1) to their own host.
 * - Dynamics: the region (`crm4`, …) is not stored; `crm.dynamics.com` is used.
 */
import type { CrmLink, CrmRef } from '../domain/schemas';

const SALESFORCE_OBJECT = { account: 'Account', opportunity: 'Opportunity' } as const;
const HUBSPOT_OBJECT = { account: '0-2', opportunity: '0-3' } as const;
const DYNAMICS_ENTITY = { account: 'account', opportunity: 'opportunity' } as const;
const PIPEDRIVE_OBJECT = { account: 'organization', opportunity: 'deal' } as const;

const HOST_LABEL = /^[a-z0-9-]+$/i;

/** A link's record URL: from its CRM record id (`recordId`), since the link's own `id` is its key. */
export function linkUrl(link: Pick<CrmLink, 'crm' | 'instance' | 'object' | 'recordId'>): string | null {
  return recordUrl({ crm: link.crm, instance: link.instance, object: link.object, id: link.recordId });
}

/** The record page's URL, or null when the ref's instance cannot be a host name (never build a URL from junk). */
export function recordUrl(ref: CrmRef): string | null {
  const id = encodeURIComponent(ref.id);
  switch (ref.crm) {
    case 'salesforce': {
      if (!HOST_LABEL.test(ref.instance)) return null;
      const host = `${ref.instance.toLowerCase()}${ref.instance.includes('--') ? '.sandbox' : ''}.lightning.force.com`;
      return `https://${host}/lightning/r/${SALESFORCE_OBJECT[ref.object]}/${id}/view`;
    }
    case 'hubspot':
      if (!/^\d+$/.test(ref.instance)) return null;
      return `https://app.hubspot.com/contacts/${ref.instance}/record/${HUBSPOT_OBJECT[ref.object]}/${id}`;
    case 'dynamics':
      if (!HOST_LABEL.test(ref.instance)) return null;
      return `https://${ref.instance.toLowerCase()}.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=${DYNAMICS_ENTITY[ref.object]}&id=${id}`;
    case 'pipedrive':
      if (!HOST_LABEL.test(ref.instance)) return null;
      return `https://${ref.instance.toLowerCase()}.pipedrive.com/${PIPEDRIVE_OBJECT[ref.object]}/${id}`;
  }
}

/**
 * The link to open for an item about a client: the deal's own record when the item is about a deal, else the
 * client's account record, else its oldest linked record. Null when the client has no CRM record.
 */
export function pickLink(links: readonly CrmLink[], dealId?: string | null): CrmLink | null {
  if (links.length === 0) return null;
  if (dealId) {
    const deal = links.find((l) => l.dealId === dealId);
    if (deal) return deal;
  }
  const byAge = [...links].sort((a, b) => a.createdAt - b.createdAt);
  return byAge.find((l) => l.object === 'account') ?? byAge[0]!;
}

/** The dashboard's page for a client (a path for `browser.runtime.getURL`). */
export function dashboardClientPath(clientId: string): string {
  return `/dashboard.html#/client/${encodeURIComponent(clientId)}`;
}

/** The human name of a CRM, for buttons and notes ("Open in Salesforce"). */
export const CRM_NAMES = { salesforce: 'Salesforce', hubspot: 'HubSpot', dynamics: 'Dynamics 365', pipedrive: 'Pipedrive' } as const;
