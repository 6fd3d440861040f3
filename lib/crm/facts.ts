/**
 * The record facts the panel works with, merged from where they come from (the CRM page, or Salesforce's REST
 * API when "Read from Salesforce" is on and the page does not show them), with the words that say where each
 * fact came from and what a fact the page does not show turns off. Pure; table-tested in test/crm/facts.test.ts.
 */
import { CRM_NAMES } from './links';
import type { CrmKind, CrmObjectKind } from './types';

/** A fact the panel reads off the record page. */
export type PageFact = 'title' | 'stage';

/** Where a fact came from. */
export type FactSource = 'page' | 'api';

/** What the page showed (null: not shown), as the content script reported it. */
export interface ShownFacts {
  crm: CrmKind;
  object: CrmObjectKind;
  title: string | null;
  stage: string | null;
  isWonStage: boolean | null;
  account?: string | null | undefined;
  /** True while the page is still being read: nulls then mean "not yet". */
  pending: boolean;
}

/** The opportunity as the CRM's API has it (Salesforce: `StageName`, `IsWon`, `IsClosed`, `Account.Name`). */
export interface ApiFacts {
  stageName: string;
  isWon: boolean;
  isClosed: boolean;
  accountName: string | null;
}

/** The facts the panel uses, and where each came from (null: nowhere). */
export interface RecordFacts {
  title: string | null;
  stage: string | null;
  isWonStage: boolean | null;
  account: string | null;
  sources: { title: FactSource | null; stage: FactSource | null; won: FactSource | null; account: FactSource | null };
  /** Won, lost or open as the API says, when the won flag came from it. */
  closed: boolean | null;
  /** Facts a settled page does not show and nothing else supplied: each turns something off. */
  unread: PageFact[];
}

const from = (value: unknown, source: FactSource): FactSource | null => (value === null || value === undefined ? null : source);

/**
 * The page's facts, filled in from the API where the page shows no stage: the stage and won flag always come
 * together from one place, so a page stage never pairs with an API won flag. The account comes from the API
 * only where the page shows none.
 */
export function mergeFacts(shown: ShownFacts, api: ApiFacts | null): RecordFacts {
  const useApi = api !== null && shown.object === 'opportunity' && shown.stage === null;
  const account = shown.account ?? (shown.object === 'opportunity' ? (api?.accountName ?? null) : null);
  const facts: RecordFacts = {
    title: shown.title,
    stage: useApi ? api.stageName : shown.stage,
    isWonStage: useApi ? api.isWon : shown.isWonStage,
    account,
    sources: {
      title: from(shown.title, 'page'),
      stage: useApi ? 'api' : from(shown.stage, 'page'),
      won: useApi ? 'api' : from(shown.isWonStage, 'page'),
      account: shown.account ? 'page' : from(account, 'api'),
    },
    closed: useApi ? api.isClosed : null,
    unread: [],
  };
  if (!shown.pending) {
    if (facts.title === null) facts.unread.push('title');
    if (shown.object === 'opportunity' && facts.stage === null) facts.unread.push('stage');
  }
  return facts;
}

/** The background's answer to "read this opportunity" (lib/messages/salesforce.ts), as far as facts go. */
export type ApiAnswer = { ok: true; opportunity: ApiFacts } | { ok: false; reason: 'off' } | { ok: false; reason: 'permission' | 'error'; message: string };

/**
 * The facts with the API's answer folded in, and why the API could not help when it was asked and failed
 * (session expired, no API access…): null when it answered, is off, or has not answered yet.
 */
export function withApiAnswer(shown: ShownFacts, answer: ApiAnswer | null): { facts: RecordFacts; apiNote: string | null } {
  const facts = mergeFacts(shown, answer?.ok ? answer.opportunity : null);
  return { facts, apiNote: answer && !answer.ok && answer.reason !== 'off' ? answer.message : null };
}

/** What each unread fact turns off, as the panel says it. */
export const UNREAD_WORDING: Readonly<Record<PageFact, string>> = {
  title: 'Baton can’t read the record name on this layout, so the panel can’t show it or suggest a client name here.',
  stage: 'Baton can’t read the stage on this layout, so the closed-won gate is off here.',
};

/** The fact's name in a layout report ("Could not read: stage"). */
export const FACT_NAMES: Readonly<Record<PageFact, string>> = { title: 'record name', stage: 'stage' };

/** Where the API-supplied facts came from, one line each ("Stage from Salesforce’s API"); nothing when all came from the page. */
export function sourceLines(crm: CrmKind, facts: RecordFacts): string[] {
  const api = `${CRM_NAMES[crm]}’s API`;
  const lines: string[] = [];
  if (facts.sources.stage === 'api') lines.push(`Stage from ${api}`);
  if (facts.sources.won === 'api') lines.push(`${facts.isWonStage ? 'Won' : facts.closed ? 'Closed, not won' : 'Still open'}: from ${api}`);
  if (facts.sources.account === 'api') lines.push(`Account from ${api}`);
  return lines;
}
