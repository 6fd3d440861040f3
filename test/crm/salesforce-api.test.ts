import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SalesforceClient } from '../../lib/crm/salesforce/api';
import {
  SalesforceApiDisabledError,
  SalesforceHttpError,
  SalesforceNetworkError,
  SalesforceRecordNotFoundError,
  SalesforceResponseError,
  SalesforceSessionExpiredError,
} from '../../lib/crm/salesforce/errors';
import { type FakeSalesforce, OPP_ID, startFakeSalesforce } from './salesforce-server';

let org: FakeSalesforce;
beforeAll(async () => {
  org = await startFakeSalesforce();
});
afterAll(async () => {
  await org.close();
});
beforeEach(() => {
  org.requests.length = 0;
});

const client = (sessionId = 'good', extra: { signal?: AbortSignal } = {}) =>
  new SalesforceClient({ instanceUrl: org.origin, sessionId, fetch: globalThis.fetch, ...extra });

describe('SalesforceClient.readOpportunity', () => {
  it('reads the opportunity, its account and every contact role across query pages', async () => {
    await expect(client().readOpportunity(OPP_ID)).resolves.toEqual({
      id: OPP_ID,
      name: 'Acme – 200 Widgets',
      stageName: 'Proposal/Price Quote',
      isWon: false,
      isClosed: false,
      amount: 120000,
      closeDate: '2025-09-15',
      accountId: '0015g00000XyZ12AAF',
      accountName: 'Acme Corporation',
      contactRoles: [
        { id: '00K5g00000Role1AAA', contactId: '0035g00000Cont1AAA', name: 'Avery Chen', email: 'avery.chen@acme.example', title: 'CFO', role: 'Economic Buyer', isPrimary: true, suggestedRole: 'economic_buyer' },
        { id: '00K5g00000Role2AAA', contactId: '0035g00000Cont2AAA', name: 'Blake Diaz', email: 'blake.diaz@acme.example', title: 'COO', role: 'Executive Sponsor', isPrimary: false, suggestedRole: 'executive_sponsor' },
        { id: '00K5g00000Role3AAA', contactId: '0035g00000Cont3AAA', name: 'Casey Ito', email: 'casey.ito@acme.example', title: 'Head of IT', role: 'Technical Buyer', isPrimary: false, suggestedRole: 'technical_owner' },
        { id: '00K5g00000Role4AAA', contactId: '0035g00000Cont4AAA', name: 'Drew Fox', email: null, title: null, role: null, isPrimary: false, suggestedRole: 'other' },
      ],
    });
  });

  it('discovers the API version once and queries with the newest one', async () => {
    await client().readOpportunity(OPP_ID);
    const paths = org.requests.map((r) => r.path);
    expect(paths.filter((p) => p === '/services/data/')).toHaveLength(1);
    expect(paths.filter((p) => p !== '/services/data/').every((p) => p.startsWith('/services/data/v62.0/query'))).toBe(true);
    expect(paths).toContain('/services/data/v62.0/query/01gD0000002HU6KIAW-2');
  });

  it('sends the session as a bearer token and no cookies', async () => {
    await client().readOpportunity(OPP_ID);
    expect(org.requests.every((r) => r.authorization === 'Bearer good' && r.cookie === undefined)).toBe(true);
  });

  it('accepts the 15-character id and queries by the 18-character one', async () => {
    await expect(client().readOpportunity('0065g00000ABcdE')).resolves.toMatchObject({ id: OPP_ID });
    expect(org.requests.some((r) => decodeURIComponent(r.path).includes(`Id = '${OPP_ID}'`))).toBe(true);
  });

  it('refuses an id that could change the query, before sending any request', async () => {
    await expect(client().readOpportunity("0065g00000ABcdE' OR Name != '")).rejects.toThrow(TypeError);
    expect(org.requests).toHaveLength(0);
  });

  it.each([
    ['an expired session (401 INVALID_SESSION_ID)', 'expired', OPP_ID, SalesforceSessionExpiredError, /sign in to Salesforce/i],
    ['an org without API access (403 API_DISABLED_FOR_ORG)', 'api-disabled-org', OPP_ID, SalesforceApiDisabledError, /API Enabled.*admin/],
    ['a user without API access (403 API_CURRENTLY_DISABLED)', 'api-disabled-user', OPP_ID, SalesforceApiDisabledError, /API_CURRENTLY_DISABLED/],
    ['any other error status', 'maintenance', OPP_ID, SalesforceHttpError, /HTTP 503 SERVER_UNAVAILABLE: Server temporarily unavailable/],
    ['a record of the wrong shape', 'bad-shape', OPP_ID, SalesforceResponseError, /records\.0\.Name/],
    ['an HTML page instead of JSON', 'login-page', OPP_ID, SalesforceResponseError, /not JSON/],
    ['a next page on another host', 'foreign-next', OPP_ID, SalesforceResponseError, /nextRecordsUrl/],
    ['an opportunity the user cannot see', 'good', '0065g00000ZZZZZ', SalesforceRecordNotFoundError, /not visible to you/],
  ] as const)('reports %s as a named error the user can act on', async (_case, token, id, ErrorClass, message) => {
    const error = await client(token).readOpportunity(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as Error).name).toBe(ErrorClass.name);
    expect((error as Error).message).toMatch(message);
  });

  it('never follows a next-page link to another host', async () => {
    await client('foreign-next').readOpportunity(OPP_ID).catch(() => undefined);
    expect(org.requests.some((r) => r.path.includes('steal'))).toBe(false);
  });

  it('asks for the API versions again after a failed discovery', async () => {
    const c = new SalesforceClient({ instanceUrl: org.origin, sessionId: 'expired' });
    await expect(c.apiVersionPath()).rejects.toBeInstanceOf(SalesforceSessionExpiredError);
    await expect(c.apiVersionPath()).rejects.toBeInstanceOf(SalesforceSessionExpiredError);
    expect(org.requests).toHaveLength(2);
  });

  it('reports an unreachable org as a network error', async () => {
    const closed = await startFakeSalesforce();
    await closed.close();
    const c = new SalesforceClient({ instanceUrl: closed.origin, sessionId: 'good' });
    await expect(c.readOpportunity(OPP_ID)).rejects.toBeInstanceOf(SalesforceNetworkError);
  });

  it('rejects with the abort reason when its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('panel closed'));
    await expect(client('good', { signal: controller.signal }).readOpportunity(OPP_ID)).rejects.toThrow('panel closed');
  });

  it.each(['http://acme.my.salesforce.com', 'ftp://127.0.0.1'])('refuses to send the session to %s', (instanceUrl) => {
    expect(() => new SalesforceClient({ instanceUrl, sessionId: 'good' })).toThrow(/HTTPS/);
  });
});
