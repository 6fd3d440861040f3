import type { z } from 'zod';
import type { StakeholderRole } from '../../domain/schemas';
import {
  SalesforceApiDisabledError,
  SalesforceHttpError,
  SalesforceNetworkError,
  SalesforceRecordNotFoundError,
  SalesforceResponseError,
  SalesforceSessionExpiredError,
} from './errors';
import { toSalesforceId18 } from './id';
import { batonRoleFor } from './roles';
import { contactRoleRecordSchema, errorBodySchema, opportunityRecordSchema, queryPageSchema, versionListSchema } from './schemas';

/** How to reach one org's REST API with the user's own browser session. */
export interface SalesforceClientOptions {
  /** The org's API origin, `https://<my-domain>.my.salesforce.com` (see `salesforceApiOrigin`). */
  instanceUrl: string;
  /** The `sid` cookie of that origin, read by the background with the optional `cookies` permission. */
  sessionId: string;
  /** Injected for tests and for the service worker's own `fetch`; defaults to the global one. */
  fetch?: typeof fetch;
  /** Aborts every request the client makes. */
  signal?: AbortSignal;
}

/** A contact role on the opportunity, with the Baton role to suggest for it. */
export interface SalesforceContactRole {
  id: string;
  contactId: string | null;
  name: string | null;
  email: string | null;
  title: string | null;
  role: string | null;
  isPrimary: boolean;
  suggestedRole: StakeholderRole;
}

/** The opportunity as Salesforce has it: enough to link it to its account's client and to seed stakeholders. */
export interface SalesforceOpportunity {
  id: string;
  name: string;
  stageName: string;
  isWon: boolean;
  isClosed: boolean;
  amount: number | null;
  closeDate: string | null;
  accountId: string | null;
  accountName: string | null;
  contactRoles: SalesforceContactRole[];
}

const MAX_PAGES = 50;
const API_DISABLED = new Set(['API_DISABLED_FOR_ORG', 'API_CURRENTLY_DISABLED']);

/** Loopback over plain HTTP is allowed for the tests' local server; a session id never travels in clear otherwise. */
function checkOrigin(instanceUrl: string): URL {
  const url = new URL(instanceUrl);
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
    throw new TypeError(`Refusing to send a Salesforce session to ${url.origin}: the API origin must use HTTPS.`);
  }
  return new URL(url.origin);
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/**
 * A read-only client for the Salesforce REST API that uses the user's existing browser session, so
 * Baton needs no connected app or OAuth flow. It discovers the newest API version the org serves,
 * follows `nextRecordsUrl` to the end of every query, validates every response with zod and turns
 * Salesforce's error answers into named errors whose messages tell the user what to do.
 */
export class SalesforceClient {
  readonly #origin: URL;
  readonly #sessionId: string;
  readonly #fetch: typeof fetch;
  readonly #signal: AbortSignal | undefined;
  #versionPath: Promise<string> | undefined;

  constructor(options: SalesforceClientOptions) {
    this.#origin = checkOrigin(options.instanceUrl);
    this.#sessionId = options.sessionId;
    // Unbound calls of window.fetch throw "Illegal invocation" in browsers.
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#signal = options.signal;
  }

  /** The newest API version's base path, e.g. `/services/data/v62.0`, asked once per client. */
  apiVersionPath(): Promise<string> {
    this.#versionPath ??= this.#get('/services/data/', versionListSchema).then(
      (versions) => versions.reduce((a, b) => (compareVersions(a.version, b.version) >= 0 ? a : b)).url,
      (error: unknown) => {
        this.#versionPath = undefined; // ask again next time: the user may have signed in meanwhile
        throw error;
      },
    );
    return this.#versionPath;
  }

  /** Every record of a SOQL query, all pages followed, each validated with `record`. */
  async query<T extends z.ZodType>(soql: string, record: T): Promise<Array<z.infer<T>>> {
    const pageSchema = queryPageSchema(record);
    let path = `${await this.apiVersionPath()}/query?q=${encodeURIComponent(soql)}`;
    const records: Array<z.infer<T>> = [];
    for (let pages = 1; ; pages++) {
      const page = await this.#get(path, pageSchema);
      records.push(...page.records);
      if (page.done) return records;
      // The locator must stay on this org's API: the session id is sent with it.
      if (!page.nextRecordsUrl?.startsWith('/services/data/') || pages >= MAX_PAGES) {
        throw new SalesforceResponseError(this.#url(path), 'a page with done=false has no usable nextRecordsUrl');
      }
      path = page.nextRecordsUrl;
    }
  }

  /**
   * The opportunity with its account and contact roles. Accepts the 15- or 18-character id and
   * refuses anything else, so no caller can put text of its own into the SOQL.
   */
  async readOpportunity(opportunityId: string): Promise<SalesforceOpportunity> {
    const id = toSalesforceId18(opportunityId);
    if (!id) throw new TypeError(`Not a Salesforce record id: ${JSON.stringify(opportunityId)}.`);
    const [opportunities, roles] = await Promise.all([
      this.query(
        `SELECT Id, Name, StageName, IsWon, IsClosed, Amount, CloseDate, AccountId, Account.Name FROM Opportunity WHERE Id = '${id}' LIMIT 1`,
        opportunityRecordSchema,
      ),
      this.query(
        `SELECT Id, ContactId, Contact.Name, Contact.Email, Contact.Title, Role, IsPrimary FROM OpportunityContactRole WHERE OpportunityId = '${id}' ORDER BY IsPrimary DESC, CreatedDate ASC`,
        contactRoleRecordSchema,
      ),
    ]);
    const opp = opportunities[0];
    if (!opp) throw new SalesforceRecordNotFoundError(this.#url(await this.apiVersionPath()), id);
    return {
      id: toSalesforceId18(opp.Id) ?? opp.Id,
      name: opp.Name,
      stageName: opp.StageName,
      isWon: opp.IsWon,
      isClosed: opp.IsClosed,
      amount: opp.Amount,
      closeDate: opp.CloseDate,
      accountId: opp.AccountId && (toSalesforceId18(opp.AccountId) ?? opp.AccountId),
      accountName: opp.Account?.Name ?? null,
      contactRoles: roles.map((r) => ({
        id: r.Id,
        contactId: r.ContactId,
        name: r.Contact?.Name ?? null,
        email: r.Contact?.Email ?? null,
        title: r.Contact?.Title ?? null,
        role: r.Role,
        isPrimary: r.IsPrimary,
        suggestedRole: batonRoleFor(r.Role),
      })),
    };
  }

  #url(path: string): string {
    return new URL(path, this.#origin).href;
  }

  async #get<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
    const url = this.#url(path);
    let response: Response;
    try {
      response = await this.#fetch(url, {
        headers: { Authorization: `Bearer ${this.#sessionId}`, Accept: 'application/json' },
        credentials: 'omit',
        redirect: 'error',
        signal: this.#signal,
      });
    } catch (error) {
      if (this.#signal?.aborted) throw this.#signal.reason;
      throw new SalesforceNetworkError(url, error);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (!response.ok) throw this.#httpError(url, response.status, body);
    if (body === undefined) throw new SalesforceResponseError(url, 'the body is not JSON');
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SalesforceResponseError(url, `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }

  #httpError(url: string, status: number, body: unknown): Error {
    const first = errorBodySchema.safeParse(body).data?.[0];
    const code = first?.errorCode ?? null;
    if (status === 401) return new SalesforceSessionExpiredError(url);
    if (status === 403 && code && API_DISABLED.has(code)) return new SalesforceApiDisabledError(url, code);
    return new SalesforceHttpError(url, status, code, first?.message ?? null);
  }
}
