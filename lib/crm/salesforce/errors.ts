/** Every failure of the Salesforce client; `url` is the request that failed (no session id in it). */
export class SalesforceError extends Error {
  override name = 'SalesforceError';
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
  }
}

/**
 * HTTP 401 `INVALID_SESSION_ID`: the browser's Salesforce session expired or was signed out. The panel
 * shows this message and keeps working from the page; signing in to Salesforce again fixes it.
 */
export class SalesforceSessionExpiredError extends SalesforceError {
  override name = 'SalesforceSessionExpiredError';
  constructor(url: string) {
    super(
      `Salesforce did not accept your session for GET ${url}: it expired or you signed out. ` +
        'Sign in to Salesforce in this browser again, then reload the record.',
      url,
    );
  }
}

/**
 * HTTP 403 `API_DISABLED_FOR_ORG` / `API_CURRENTLY_DISABLED`: the org's edition or the user's profile
 * has no API access. Only an admin can change that, so the message says whom to ask.
 */
export class SalesforceApiDisabledError extends SalesforceError {
  override name = 'SalesforceApiDisabledError';
  constructor(
    url: string,
    readonly errorCode: string,
  ) {
    super(
      `Salesforce refused API access for GET ${url} (${errorCode}): your org or your profile does not have ` +
        '"API Enabled". Ask your Salesforce admin to grant it, or turn off "Read from Salesforce" in Baton settings.',
      url,
    );
  }
}

/** Any other non-2xx answer, with Salesforce's own error code and message when it sent one. */
export class SalesforceHttpError extends SalesforceError {
  override name = 'SalesforceHttpError';
  constructor(
    url: string,
    readonly status: number,
    readonly errorCode: string | null,
    detail: string | null,
  ) {
    super(`Salesforce answered GET ${url} with HTTP ${status}${errorCode ? ` ${errorCode}` : ''}${detail ? `: ${detail}` : ''}.`, url);
  }
}

/** The request never got an answer (offline, DNS, TLS, a redirect): retrying later may work. */
export class SalesforceNetworkError extends SalesforceError {
  override name = 'SalesforceNetworkError';
  constructor(url: string, cause: unknown) {
    super(`Could not reach Salesforce for GET ${url}: ${cause instanceof Error ? cause.message : String(cause)}.`, url);
    this.cause = cause;
  }
}

/**
 * A 2xx answer that does not have the documented shape (an API change, a proxy's HTML page). Names the
 * field that failed, never its value: responses hold personal data from the CRM.
 */
export class SalesforceResponseError extends SalesforceError {
  override name = 'SalesforceResponseError';
  constructor(url: string, problem: string) {
    super(`Salesforce answered GET ${url} with an unexpected response: ${problem}.`, url);
  }
}

/** The opportunity does not exist or is not shared with the user. */
export class SalesforceRecordNotFoundError extends SalesforceError {
  override name = 'SalesforceRecordNotFoundError';
  constructor(
    url: string,
    readonly recordId: string,
  ) {
    super(`Opportunity ${recordId} is not visible to you in Salesforce: it was deleted or is not shared with you.`, url);
  }
}
