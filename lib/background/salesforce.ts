/**
 * The background's part in "read from Salesforce": answers the panel's `baton:sf-opportunity` with the opportunity
 * (its stage, won flag and account, for layouts that do not show them) and its contact roles, read from the org's REST API with the `sid` cookie of its `my.salesforce.com` host. Only
 * when the user turned the capability on and the browser granted its optional permissions. The session id never
 * leaves this module: it goes into the client's Authorization header and nowhere else (no logs, no answers).
 */
import type { Browser } from 'wxt/browser';
import { localSettings } from '../settings/local';
import { SalesforceClient } from '../crm/salesforce/api';
import { salesforceApiOrigin } from '../crm/salesforce/host';
import { sfOpportunityRequestSchema, type SfOpportunityAnswer, type SfOpportunityRequest } from '../messages/salesforce';

export interface SalesforceReaderOptions {
  /** Injected by tests (the service worker's own `fetch` otherwise). */
  fetch?: typeof fetch;
  /** How long one read may take before the panel is told to try again. */
  timeoutMs?: number;
}

export const PERMISSION_MESSAGE = 'Turn on “Read from Salesforce” in Baton’s settings to read stages and contact roles from Salesforce.';
export const NO_SESSION_MESSAGE =
  'Baton found no Salesforce session in this browser. Sign in to Salesforce, then reload the record to read it from Salesforce.';

/** Reads the opportunity for the panel; never throws, every failure is an answer the panel can show. */
export async function readSalesforceOpportunity(request: SfOpportunityRequest, options: SalesforceReaderOptions = {}): Promise<SfOpportunityAnswer> {
  if (!(await localSettings.get()).readFromSalesforce) return { ok: false, reason: 'off' };
  const apiOrigin = salesforceApiOrigin(request.pageUrl);
  if (!apiOrigin) return { ok: false, reason: 'error', message: `${new URL(request.pageUrl).host} is not a Salesforce org Baton can read from.` };

  let granted = false;
  try {
    granted = await browser.permissions.contains({ permissions: ['cookies'], origins: [`${apiOrigin}/*`] });
  } catch {
    granted = false;
  }
  if (!granted) return { ok: false, reason: 'permission', message: PERMISSION_MESSAGE };

  let sessionId: string | undefined;
  try {
    sessionId = (await browser.cookies.get({ url: apiOrigin, name: 'sid' }))?.value;
  } catch {
    sessionId = undefined;
  }
  if (!sessionId) return { ok: false, reason: 'error', message: NO_SESSION_MESSAGE };

  const signal = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  try {
    const client = new SalesforceClient({ instanceUrl: apiOrigin, sessionId, fetch: options.fetch, signal });
    return { ok: true, opportunity: await client.readOpportunity(request.opportunityId) };
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: 'error', message: 'Salesforce took too long to answer. Reload the record to try again.' };
    // The client's messages name the request URL and what to do, never the session id.
    return { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Registers the listener; call synchronously at the top of the background's main (MV3 wakes on it). */
export function registerSalesforceReader(options: SalesforceReaderOptions = {}): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const parsed = sfOpportunityRequestSchema.safeParse(message);
    if (!parsed.success) return undefined;
    // Only Baton's own pages ask (the panel frame, the side panel): never a content script on some page.
    if (sender.id !== browser.runtime.id || (sender.url && !sender.url.startsWith(browser.runtime.getURL('/')))) return undefined;
    return readSalesforceOpportunity(parsed.data, options);
  });
}
