import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NO_SESSION_MESSAGE, PERMISSION_MESSAGE, registerSalesforceReader } from '../../lib/background/salesforce';
import { sfOpportunityAnswerSchema, type SfOpportunityRequest } from '../../lib/messages/salesforce';
import { changeLocalSettings } from '../../lib/settings/local';
import { toSalesforceId18 } from '../../lib/crm/salesforce/id';
import { toSuggestions } from '../../entrypoints/panel/useSalesforceSuggestions';
import type { Stakeholder } from '../../lib/domain/schemas';
import { type FakeSalesforce, OPP_ID, startFakeSalesforce } from '../crm/salesforce-server';

const PAGE = 'https://acme.lightning.force.com';
const API = 'https://acme.my.salesforce.com';

let org: FakeSalesforce;
const fetched: string[] = [];
/** The service worker's fetch, with the org's API host answered by the local fake org. */
const fetchToFake: typeof fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  fetched.push(url);
  return globalThis.fetch(url.replace(API, org.origin), init);
};

beforeAll(async () => {
  org = await startFakeSalesforce();
});
afterAll(async () => {
  await org.close();
});

let contains: ReturnType<typeof vi.fn>;
let getCookie: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  fetched.length = 0;
  org.requests.length = 0;
  contains = vi.fn(async () => true);
  getCookie = vi.fn(async () => ({ name: 'sid', value: 'good' }));
  // Not mocked by the fake browser: the optional permission API and the cookie the background reads.
  Object.assign(browser.permissions, { contains });
  Object.assign(browser, { cookies: { get: getCookie } });
  registerSalesforceReader({ fetch: fetchToFake });
});

const panelSender = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/panel.html') });
async function send(message: unknown, sender: object = panelSender()) {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined);
  const answer = await results.find((r: unknown) => r !== undefined);
  return answer === undefined ? undefined : sfOpportunityAnswerSchema.parse(answer);
}
const ask = (over: Partial<SfOpportunityRequest> = {}) => send({ type: 'baton:sf-opportunity', pageUrl: PAGE, opportunityId: OPP_ID, ...over });

describe('background: baton:sf-opportunity', () => {
  it('answers off, and asks nothing of the browser or Salesforce, while the toggle is off', async () => {
    expect(await ask()).toEqual({ ok: false, reason: 'off' });
    expect(contains).not.toHaveBeenCalled();
    expect(getCookie).not.toHaveBeenCalled();
    expect(fetched).toEqual([]);
  });

  it('says how to turn it on when the permissions for this org are missing', async () => {
    await changeLocalSettings({ readFromSalesforce: true });
    contains.mockResolvedValue(false);
    expect(await ask()).toEqual({ ok: false, reason: 'permission', message: PERMISSION_MESSAGE });
    expect(contains).toHaveBeenCalledWith({ permissions: ['cookies'], origins: [`${API}/*`] });
    expect(getCookie).not.toHaveBeenCalled();
  });

  it('says to sign in when there is no session cookie for the API host', async () => {
    await changeLocalSettings({ readFromSalesforce: true });
    getCookie.mockResolvedValue(null);
    expect(await ask()).toEqual({ ok: false, reason: 'error', message: NO_SESSION_MESSAGE });
    expect(getCookie).toHaveBeenCalledWith({ url: API, name: 'sid' });
    expect(fetched).toEqual([]);
  });

  it('reads the opportunity with its contact roles from the API host, the session as a bearer token', async () => {
    await changeLocalSettings({ readFromSalesforce: true });
    const answer = await ask();
    expect(answer?.ok).toBe(true);
    if (!answer?.ok) return;
    expect(answer.opportunity).toMatchObject({ id: OPP_ID, name: 'Acme – 200 Widgets', accountName: 'Acme Corporation' });
    expect(answer.opportunity.contactRoles.map((r) => [r.name, r.suggestedRole])).toEqual([
      ['Avery Chen', 'economic_buyer'],
      ['Blake Diaz', 'executive_sponsor'],
      ['Casey Ito', 'technical_owner'],
      ['Drew Fox', 'other'],
    ]);
    expect(fetched.every((u) => u.startsWith(`${API}/services/data/`))).toBe(true);
    expect(org.requests.every((r) => r.authorization === 'Bearer good')).toBe(true);
  });

  it('passes on the session-expired message, without the session id in it', async () => {
    await changeLocalSettings({ readFromSalesforce: true });
    getCookie.mockResolvedValue({ name: 'sid', value: 'expired' });
    const answer = await ask();
    expect(answer).toMatchObject({ ok: false, reason: 'error' });
    if (answer?.ok !== false || answer.reason === 'off') throw new Error('expected an error answer');
    expect(answer.message).toMatch(/expired or you signed out.*Sign in to Salesforce/);
    expect(JSON.stringify(answer)).not.toMatch(/Bearer/);
  });

  it('never logs the session id', async () => {
    await changeLocalSettings({ readFromSalesforce: true });
    getCookie.mockResolvedValue({ name: 'sid', value: 'SECRET-SESSION-00D' });
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
    const answer = await ask();
    expect(JSON.stringify(answer)).not.toContain('SECRET-SESSION');
    for (const spy of spies) expect(JSON.stringify(spy.mock.calls)).not.toContain('SECRET-SESSION');
  });

  it('refuses a page that is not a Salesforce org, and ignores content scripts and malformed requests', async () => {
    await changeLocalSettings({ readFromSalesforce: true });
    expect(await ask({ pageUrl: 'https://evil.example' })).toMatchObject({ ok: false, reason: 'error' });
    expect(await send({ type: 'baton:sf-opportunity', pageUrl: PAGE, opportunityId: OPP_ID }, { id: browser.runtime.id, url: `${PAGE}/lightning/r/Opportunity/${OPP_ID}/view` })).toBeUndefined();
    expect(await ask({ opportunityId: "x' OR Name != '" })).toBeUndefined();
    expect(getCookie).not.toHaveBeenCalled();
  });
});

describe('panel: contact roles as suggestions', () => {
  const answer = {
    ok: true as const,
    opportunity: {
      id: OPP_ID, name: 'Acme', stageName: 'Proposal', isWon: false, isClosed: false, amount: null, closeDate: null, accountId: null, accountName: null,
      contactRoles: [
        { id: 'r1', contactId: toSalesforceId18('0035g00000Cont1')!, name: 'Avery Chen', email: 'avery.chen@acme.example', title: 'CFO', role: 'Economic Buyer', isPrimary: true, suggestedRole: 'economic_buyer' as const },
        { id: 'r2', contactId: '0035g00000Cont2AAA', name: 'Blake Diaz', email: 'Blake.Diaz@acme.example', title: 'COO', role: 'Executive Sponsor', isPrimary: false, suggestedRole: 'executive_sponsor' as const },
        { id: 'r3', contactId: '0035g00000Cont3AAA', name: 'Casey Ito', email: null, title: null, role: 'Influencer', isPrimary: false, suggestedRole: 'other' as const },
        { id: 'r4', contactId: '0035g00000Cont3AAA', name: 'Casey Ito', email: null, title: null, role: 'Technical Buyer', isPrimary: false, suggestedRole: 'technical_owner' as const },
      ],
    },
  };
  const person = (p: Partial<Stakeholder>) => ({ id: 'x', name: 'x', roles: [], ...p }) as unknown as Stakeholder;

  it('leaves out people on the map by contact id (15 or 18 chars) or by email in any case, and merges a contact’s roles', () => {
    const onMap = [person({ crmContactId: '0035g00000Cont1' }), person({ email: 'blake.diaz@ACME.example' })];
    expect(toSuggestions(answer, onMap)).toEqual([
      { key: '0035g00000Cont3AAA', name: 'Casey Ito', title: undefined, email: undefined, roles: ['technical_owner'], crmContactId: '0035g00000Cont3AAA' },
    ]);
  });

  it('suggests nothing for an answer that is not ok', () => {
    expect(toSuggestions({ ok: false, reason: 'off' }, [])).toEqual([]);
    expect(toSuggestions(null, [])).toEqual([]);
    expect(toSuggestions(answer, []).map((s) => s.crmContactId)).toEqual([toSalesforceId18('0035g00000Cont1'), '0035g00000Cont2AAA', '0035g00000Cont3AAA']);
  });
});
