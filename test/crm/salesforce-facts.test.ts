/**
 * "Read from Salesforce" filling in the stage and won flag a layout does not show: the background reads the
 * opportunity from the local fake org (answering as the REST API documents, errors included) and the panel's
 * facts take `StageName`, `IsWon` and `IsClosed` from it, saying where each came from.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSalesforceOpportunity } from '../../lib/background/salesforce';
import { sourceLines, UNREAD_WORDING, withApiAnswer, type ShownFacts } from '../../lib/crm/facts';
import { changeLocalSettings } from '../../lib/settings/local';
import { type FakeSalesforce, OPP_ID, startFakeSalesforce } from './salesforce-server';

const PAGE = 'https://acme.lightning.force.com';
const API = 'https://acme.my.salesforce.com';

let org: FakeSalesforce;
const fetchToFake: typeof fetch = (input, init) => globalThis.fetch(String(input instanceof Request ? input.url : input).replace(API, org.origin), init);
beforeAll(async () => {
  org = await startFakeSalesforce();
});
afterAll(async () => {
  await org.close();
});

let session = 'good';
beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(browser.permissions, { contains: vi.fn(async () => true) });
  Object.assign(browser, { cookies: { get: vi.fn(async () => ({ name: 'sid', value: session })) } });
  await changeLocalSettings({ readFromSalesforce: true });
});

/** The page of opportunity-no-path.html: a title, no stage. */
const noStage: ShownFacts = { crm: 'salesforce', object: 'opportunity', title: 'Acme – 200 Widgets', stage: null, isWonStage: null, account: null, pending: false };

async function factsWith(token: string, shown: ShownFacts = noStage) {
  session = token;
  const answer = await readSalesforceOpportunity({ type: 'baton:sf-opportunity', pageUrl: PAGE, opportunityId: OPP_ID }, { fetch: fetchToFake });
  return withApiAnswer(shown, answer);
}

describe('the stage and won flag from Salesforce’s API where the page shows none', () => {
  it.each([
    ['a won opportunity', 'won', { stage: 'Closed Won', isWonStage: true }, 'Won: from Salesforce’s API'],
    ['a lost opportunity', 'lost', { stage: 'Closed Lost', isWonStage: false }, 'Closed, not won: from Salesforce’s API'],
    ['an open opportunity', 'good', { stage: 'Proposal/Price Quote', isWonStage: false }, 'Still open: from Salesforce’s API'],
  ])('%s: StageName, IsWon and IsClosed, each said to come from the API', async (_name, token, want, wonLine) => {
    const { facts, apiNote } = await factsWith(token);
    expect(facts).toMatchObject({ ...want, account: 'Acme Corporation', unread: [] });
    expect(apiNote).toBeNull();
    expect(sourceLines('salesforce', facts)).toEqual(['Stage from Salesforce’s API', wonLine, 'Account from Salesforce’s API']);
  });

  it('keeps the page’s own stage, which follows the Path live, when the page shows one', async () => {
    const { facts } = await factsWith('won', { ...noStage, stage: 'Negotiation/Review', isWonStage: false, account: 'Acme' });
    expect(facts).toMatchObject({ stage: 'Negotiation/Review', isWonStage: false, account: 'Acme', sources: { stage: 'page', won: 'page', account: 'page' } });
    expect(sourceLines('salesforce', facts)).toEqual([]);
  });

  it.each([
    ['an expired session (401 INVALID_SESSION_ID)', 'expired', /expired or you signed out.*Sign in to Salesforce/],
    ['an org without API access (403 API_DISABLED_FOR_ORG)', 'api-disabled-org', /API Enabled.*admin/],
    ['a maintenance window (503 SERVER_UNAVAILABLE)', 'maintenance', /HTTP 503 SERVER_UNAVAILABLE/],
  ])('on %s the stage stays unread, the gate off, and the panel says why the API could not help', async (_name, token, message) => {
    const { facts, apiNote } = await factsWith(token);
    expect(facts).toMatchObject({ stage: null, isWonStage: null, unread: ['stage'] });
    expect(UNREAD_WORDING[facts.unread[0]!]).toBe('Baton can’t read the stage on this layout, so the closed-won gate is off here.');
    expect(apiNote).toMatch(message);
  });

  it('asks nothing of Salesforce and says nothing of its API while "Read from Salesforce" is off', async () => {
    await changeLocalSettings({ readFromSalesforce: false });
    org.requests.length = 0;
    const { facts, apiNote } = await factsWith('won');
    expect(facts.unread).toEqual(['stage']);
    expect(apiNote).toBeNull();
    expect(org.requests).toEqual([]);
  });
});
