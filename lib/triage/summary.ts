/**
 * What the triage keeps of each client between writes (`TriageSummary`), and how it is made from the client's rows.
 * Pure; the local database keeps one per client (`store.ts`) and the rules (`rules.ts`) decide from it when read.
 */
import { objectiveStatus } from '../domain/objective';
import type { Client, Crm, CrmLink, Deal, Decision, Handoff, Objective, SignerRole, Stakeholder } from '../domain/schemas';
import { highInfluenceBlockers } from '../domain/stakeholders';
import { groupBy } from '../domain/group-by';
import { reopenedQuickly, TRIAGE_DECISION_DAYS, withinDays } from '../domain/windows';

/** Who a triage row is about: what it shows, filters and sorts by besides the issues. */
export interface TriageClient {
  clientId: string;
  name: string;
  salesOwner: string | null;
  csOwner: string | null;
  /** The stage of the client's most recently read deal. */
  stage: string | null;
  /** Every CRM the client is linked from. */
  crms: Crm[];
  /** The record a row opens in the CRM: the account when linked, else the latest opportunity. */
  link: TriageLink | null;
}

/** The rows the triage reads besides the clients: of the whole portfolio, or of one client. */
export interface TriageTables {
  crmLinks: readonly CrmLink[];
  deals: readonly Deal[];
  handoffs: readonly Handoff[];
  stakeholders: readonly Stakeholder[];
  objectives: readonly Objective[];
  decisions: readonly Decision[];
}

export interface TriageInput extends TriageTables {
  clients: readonly Client[];
  /** Ids of decisions a `decision_circulated` event names (read from the events' `name` index). */
  circulatedDecisionIds: ReadonlySet<string>;
  now: number;
}


/**
 * What the triage keeps of one client between writes: every field its rules read and nothing else. The dashboard
 * keeps one per client in the local database (`lib/triage/store.ts`), rebuilt for a client whenever one of its rows
 * changes, so opening the triage reads a few kilobytes per client instead of every table. Nothing in it depends on the time it
 * was made except which decisions it keeps, and those only ever leave the triage's window, never come back into it.
 * The rules that do depend on time (SLA, review due, engagement, circulation due) run when it is read: `triageRow`.
 */
export interface TriageSummary extends TriageClient {
  /** Hand-overs some rule can flag: submitted, rejected, or incomplete at close and not accepted. */
  handoffs: TriageHandoff[];
  objective: TriageObjective | null;
  /** How many stakeholders are mapped. */
  stakeholders: number;
  /** When each high-influence stakeholder was last engaged (0: never). */
  highEngagedAt: number[];
  /** High-influence stakeholders who are against. */
  blockers: { name: string; title: string; since: number }[];
  /** Decisions in the window that some rule can flag: not circulated, or reopening another. */
  decisions: TriageDecision[];
}

/** What a row needs to open the record in its CRM (`linkUrl`). */
export type TriageLink = Pick<CrmLink, 'crm' | 'instance' | 'object' | 'recordId'>;

export type TriageHandoff = Pick<
  Handoff,
  'kind' | 'status' | 'receiverOwner' | 'slaBusinessDays' | 'createdAt' | 'submittedAt' | 'rejectedAt' | 'incompleteAtClose' | 'completenessAtClose'
> & {
  /** The rejection as the triage states it: when, by whom, and its first reason. */
  rejection?: { at?: number; by?: string; reason?: string };
};

/** The objective's status facts that do not change with time; only "review overdue" is decided when read. */
export interface TriageObjective {
  version: number;
  /** The lowest version a signer's latest signature covers; null when nobody signed. Changed since signed: above it. */
  signedVersion: number | null;
  /** When its content last changed. */
  changedAt: number;
  createdAt: number;
  missingSigners: SignerRole[];
  reviewDueAt: number;
  reviewCadenceDays: number;
}

export interface TriageDecision {
  title: string;
  decidedAt: number;
  /** Neither circulated (when logged or since) nor superseded by a decision reopening it. */
  uncirculated: boolean;
  /** The decision this one reopened within the reopen window. */
  reopened?: { title: string; decidedAt: number };
}

/** The rows of one client that the triage reads. */
export interface ClientRows extends TriageTables {
  client: Client;
}

/** One client's summary at `now` (which only decides what decisions are already out of the window for good). */
export function summarizeClient(rows: ClientRows, circulated: ReadonlySet<string>, now: number): TriageSummary {
  const { client } = rows;
  const latestDeal = latest(rows.deals);
  const link = primaryLink(rows.crmLinks, latestDeal);
  const objective = rows.objectives[0];
  return {
    clientId: client.id,
    name: client.name,
    salesOwner: client.salesOwner || null,
    csOwner: client.csOwner || null,
    stage: latestDeal?.stage || null,
    crms: [...new Set(rows.crmLinks.map((l) => l.crm))],
    link: link ? pick(link, ['crm', 'instance', 'object', 'recordId']) : null,
    handoffs: rows.handoffs.filter(flaggable).map(triageHandoff),
    objective: objective ? triageObjective(objective, now) : null,
    stakeholders: rows.stakeholders.length,
    highEngagedAt: rows.stakeholders.filter((s) => s.influence === 'high').map((s) => s.lastEngagedAt ?? 0),
    blockers: highInfluenceBlockers(rows.stakeholders).map((b) => ({ name: b.name, title: b.title, since: b.lastEngagedAt ?? b.createdAt })),
    decisions: triageDecisions(rows.decisions, circulated, now),
  };
}

function triageObjective(o: Objective, now: number): TriageObjective {
  // `now` only decides "review overdue", which is left out here and decided when read.
  const st = objectiveStatus(o, now);
  return {
    version: o.version,
    signedVersion: st.signedBy.length ? Math.min(...st.signedBy.map((s) => s.version)) : null,
    changedAt: o.updatedAt ?? o.createdAt,
    createdAt: o.createdAt,
    missingSigners: st.missingSigners,
    reviewDueAt: st.reviewDueAt,
    reviewCadenceDays: o.reviewCadenceDays,
  };
}

/** Summaries of every client of `input`, grouping the tables by client once. */
export function summarizeClients(input: TriageInput): TriageSummary[] {
  const links = byClient(input.crmLinks);
  const deals = byClient(input.deals);
  const handoffs = byClient(input.handoffs);
  const stakeholders = byClient(input.stakeholders);
  const objectives = byClient(input.objectives);
  const decisions = byClient(input.decisions);
  return input.clients.map((client) =>
    summarizeClient(
      {
        client,
        crmLinks: links.get(client.id) ?? [],
        deals: deals.get(client.id) ?? [],
        handoffs: handoffs.get(client.id) ?? [],
        stakeholders: stakeholders.get(client.id) ?? [],
        objectives: objectives.get(client.id) ?? [],
        decisions: decisions.get(client.id) ?? [],
      },
      input.circulatedDecisionIds,
      input.now,
    ),
  );
}

const flaggable = (h: Handoff) => h.status === 'submitted' || h.status === 'rejected' || (h.incompleteAtClose === true && h.status !== 'accepted');

function triageHandoff(h: Handoff): TriageHandoff {
  const out: TriageHandoff = pick(h, ['kind', 'status', 'receiverOwner', 'slaBusinessDays', 'createdAt', 'submittedAt', 'rejectedAt', 'incompleteAtClose', 'completenessAtClose']);
  if (h.rejection) out.rejection = pick({ at: h.rejection.at, by: h.rejection.by, reason: h.rejection.reasons[0]?.reason }, ['at', 'by', 'reason']);
  return out;
}

function triageDecisions(list: readonly Decision[], circulated: ReadonlySet<string>, now: number): TriageDecision[] {
  if (list.length === 0) return [];
  const byId = new Map(list.map((d) => [d.id, d]));
  const reopenedIds = new Set<string>();
  for (const d of list) if (d.reopens) reopenedIds.add(d.reopens);
  const out: TriageDecision[] = [];
  for (const d of list) {
    if (!inWindow(d.decidedAt, now)) continue;
    // A decision someone reopened is superseded: the reopening one is what must be circulated.
    const uncirculated = d.circulatedAt === undefined && !circulated.has(d.id) && !reopenedIds.has(d.id);
    const old = d.reopens ? byId.get(d.reopens) : undefined;
    const reopened = old && reopenedQuickly(old, d);
    if (!uncirculated && !reopened) continue;
    out.push({ title: d.title, decidedAt: d.decidedAt, uncirculated, ...(reopened ? { reopened: { title: old.title, decidedAt: old.decidedAt } } : {}) });
  }
  return out;
}

/** Whether a decision is recent enough for the triage (`TRIAGE_DECISION_DAYS`). */
export const inWindow = (decidedAt: number, now: number) => withinDays(decidedAt, now, TRIAGE_DECISION_DAYS);

/** The named fields of `o` that are set (undefined ones left out, so a summary holds no empty keys). */
function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

function latest(deals: readonly Deal[]): Deal | undefined {
  let best: Deal | undefined;
  for (const d of deals) if (!best || (d.stageReadAt ?? d.createdAt) > (best.stageReadAt ?? best.createdAt)) best = d;
  return best;
}

function primaryLink(links: readonly CrmLink[], deal: Deal | undefined): CrmLink | null {
  return links.find((l) => l.object === 'account') ?? (deal && links.find((l) => l.dealId === deal.id)) ?? links[0] ?? null;
}

const byClient = <T extends { clientId: string }>(xs: readonly T[]) => groupBy(xs, (x) => x.clientId);
