import { describe, expect, it } from 'vitest';
import { mergeFacts, sourceLines, type ApiFacts, type ShownFacts } from '../../lib/crm/facts';

const opp = (over: Partial<ShownFacts> = {}): ShownFacts => ({
  crm: 'salesforce', object: 'opportunity', title: 'Acme – 200 Widgets', stage: 'Proposal', isWonStage: false, account: 'Acme', pending: false, ...over,
});
const api = (over: Partial<ApiFacts> = {}): ApiFacts => ({ stageName: 'Closed Won', isWon: true, isClosed: true, accountName: 'Acme Corporation', ...over });

describe('mergeFacts', () => {
  it.each([
    ['keeps the page’s stage and won flag when the page shows a stage, API or not', opp(), api(), { stage: 'Proposal', isWonStage: false, stage_: 'page', won: 'page', unread: [] }],
    ['takes the stage and won flag from the API together when the page shows no stage', opp({ stage: null, isWonStage: null }), api(), { stage: 'Closed Won', isWonStage: true, stage_: 'api', won: 'api', unread: [] }],
    ['says the stage is unread when neither the page nor the API gives one', opp({ stage: null, isWonStage: null }), null, { stage: null, isWonStage: null, stage_: null, won: null, unread: ['stage'] }],
    ['says nothing is unread while the page is still being read', opp({ title: null, stage: null, isWonStage: null, pending: true }), null, { stage: null, isWonStage: null, stage_: null, won: null, unread: [] }],
    ['says the record name is unread on a settled page without one', opp({ title: null }), null, { stage: 'Proposal', isWonStage: false, stage_: 'page', won: 'page', unread: ['title'] }],
    ['asks no stage of an account', opp({ object: 'account', stage: null, isWonStage: null, account: null }), api(), { stage: null, isWonStage: null, stage_: null, won: null, unread: [] }],
  ] as const)('%s', (_name, shown, apiFacts, want) => {
    const facts = mergeFacts(shown, apiFacts);
    expect({ stage: facts.stage, isWonStage: facts.isWonStage, stage_: facts.sources.stage, won: facts.sources.won, unread: facts.unread }).toEqual(want);
  });

  it('fills the account from the API only where the page shows none', () => {
    expect(mergeFacts(opp(), api()).account).toBe('Acme');
    expect(mergeFacts(opp({ account: null }), api())).toMatchObject({ account: 'Acme Corporation', sources: { account: 'api' } });
    expect(mergeFacts(opp({ account: undefined }), null)).toMatchObject({ account: null, sources: { account: null } });
  });
});

describe('sourceLines', () => {
  it.each([
    ['nothing when every fact came from the page', opp(), api(), []],
    ['the stage and a won deal from the API', opp({ stage: null, isWonStage: null, account: null }), api(), ['Stage from Salesforce’s API', 'Won: from Salesforce’s API', 'Account from Salesforce’s API']],
    ['a lost deal from the API', opp({ stage: null, isWonStage: null }), api({ stageName: 'Closed Lost', isWon: false }), ['Stage from Salesforce’s API', 'Closed, not won: from Salesforce’s API']],
    ['an open deal from the API', opp({ stage: null, isWonStage: null }), api({ stageName: 'Negotiation', isWon: false, isClosed: false }), ['Stage from Salesforce’s API', 'Still open: from Salesforce’s API']],
  ] as const)('%s', (_name, shown, apiFacts, lines) => {
    expect(sourceLines('salesforce', mergeFacts(shown, apiFacts))).toEqual(lines);
  });
});
