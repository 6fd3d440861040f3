/**
 * Salesforce org host names: My Domain, then an optional org-kind label, then the Lightning or the
 * Classic/API domain. Sandboxes put the sandbox name in the My Domain label (`acme--uat`).
 */
const HOST =
  /^([a-z0-9-]+)(\.(?:sandbox|develop|scratch|trailblaze|demo|patch))?\.(lightning\.force\.com|my\.salesforce\.com)$/;

/** A Salesforce org as identified by its host name. */
export interface SalesforceHost {
  /** My Domain name including any sandbox part, e.g. `acme--uat`. */
  instance: string;
  /** `.sandbox`, `.develop`, `.scratch`, … or empty for production. */
  kind: string;
  classic: boolean;
}

/** Parses a Salesforce org host name, or returns null for any other host (Visualforce, setup, login). */
export function parseSalesforceHost(hostname: string): SalesforceHost | null {
  const m = HOST.exec(hostname.toLowerCase());
  if (!m || !m[1]) return null;
  return { instance: m[1], kind: m[2] ?? '', classic: m[3] === 'my.salesforce.com' };
}

/**
 * The REST API origin for the org of a Salesforce page URL: always the `my.salesforce.com` host.
 * The session cookie (`sid`) of `*.lightning.force.com` is not valid for the REST API, so the
 * background must read the `sid` cookie of this origin and call the API here.
 */
export function salesforceApiOrigin(pageUrl: string): string | null {
  let host: SalesforceHost | null;
  try {
    host = parseSalesforceHost(new URL(pageUrl).hostname);
  } catch {
    return null;
  }
  return host && `https://${host.instance}${host.kind}.my.salesforce.com`;
}
