/**
 * The weekly triage of the whole portfolio, as pure rules over plain rows: which clients need a team lead's eyes and
 * why. It runs over every client on the dashboard's first render, so it takes the tables as arrays read in bulk
 * (a handful of `toArray` calls), groups them by client once, and decides each client in one pass: no per-client
 * queries, no zod.
 */
import { addBusinessDays, businessDaysBetween } from './domain/business-days';
import { objectiveStatus, reviewOverdueDays } from './domain/objective';
import type { Client, Crm, CrmLink, Deal, Decision, Handoff, HandoffKind, Objective, SignerRole, Stakeholder } from './domain/schemas';
import { REOPEN_WINDOW_DAYS } from './domain/signals';
import { nameOf } from './people';
import { DEFAULT_ENGAGED_WITHIN_DAYS, highInfluenceBlockers, isEngaged, isSingleThreaded } from './domain/stakeholders';
import { groupBy } from './domain/group-by';
import { DAY_MS, HOUR_MS } from './domain/time';

export type TriageCode =
  | 'handoff_rejected'
  | 'handoff_overdue'
  | 'handoff_awaiting'
  | 'handoff_incomplete_at_close'
  | 'objective_unsigned'
  | 'objective_changed'
  | 'objective_review_overdue'
  | 'single_thread'
  | 'high_influence_blocker'
  | 'decision_not_circulated'
  | 'decision_reopened';

export type TriageGroup = 'handoffs' | 'objectives' | 'stakeholders' | 'decisions';

/** What each rule is called, which group it belongs to and how much it weighs in the default sort. */
export const TRIAGE_RULES: Record<TriageCode, { label: string; group: TriageGroup; weight: 1 | 2 | 3 }> = {
  handoff_rejected: { label: 'Hand-over rejected', group: 'handoffs', weight: 3 },
  handoff_overdue: { label: 'Past SLA', group: 'handoffs', weight: 3 },
  handoff_awaiting: { label: 'Awaiting acceptance', group: 'handoffs', weight: 1 },
  handoff_incomplete_at_close: { label: 'Incomplete at close', group: 'handoffs', weight: 2 },
  objective_unsigned: { label: 'Objective unsigned', group: 'objectives', weight: 1 },
  objective_changed: { label: 'Changed since signed', group: 'objectives', weight: 2 },
  objective_review_overdue: { label: 'Review overdue', group: 'objectives', weight: 2 },
  single_thread: { label: 'Single-threaded', group: 'stakeholders', weight: 2 },
  high_influence_blocker: { label: 'High-influence blocker', group: 'stakeholders', weight: 3 },
  decision_not_circulated: { label: 'Decision not circulated', group: 'decisions', weight: 1 },
  decision_reopened: { label: 'Decision reopened', group: 'decisions', weight: 2 },
};

export const TRIAGE_GROUPS: { group: TriageGroup; label: string }[] = [
  { group: 'handoffs', label: 'Hand-overs' },
  { group: 'objectives', label: 'Objectives' },
  { group: 'stakeholders', label: 'Stakeholders' },
  { group: 'decisions', label: 'Decisions' },
];

/** A decision must reach all its owners within this many hours of being made. */
export const CIRCULATION_DUE_HOURS = 24;
/**
 * The triage is a weekly review: decisions made more than this many days ago are history there (still on the
 * client's page). It bounds both rules: not circulated, and reopened. It also lets the dashboard read only recent
 * decisions through the `decidedAt` index instead of the whole log.
 */
export const DECISION_WINDOW_DAYS = 30;
/** How far back the dashboard reads decisions: the window, plus the reopen window for the decisions they reopen. */
export const DECISION_READ_DAYS = DECISION_WINDOW_DAYS + 7;

export interface TriageIssue {
  code: TriageCode;
  /** The concrete fact, in one short sentence. */
  fact: string;
  /** Since when it has been true (the submission, the due date…); the "oldest" sort uses it. */
  since: number;
}

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

export interface TriageRow extends TriageClient {
  /** Most urgent first. */
  issues: TriageIssue[];
  /** Sum of the issues' weights. */
  score: number;
  /** The oldest `since` of the issues. */
  oldest: number;
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

export interface Triage {
  /** Clients with at least one issue. */
  rows: TriageRow[];
  /** All clients in the portfolio. */
  clients: number;
}

const KIND_LABEL: Record<HandoffKind, string> = {
  lead_to_opportunity: 'Lead → opportunity',
  opportunity_to_close: 'Opportunity → close',
  close_to_onboarding: 'Close → onboarding',
  onboarding_to_adoption: 'Onboarding → adoption',
  adoption_to_expansion: 'Adoption → expansion',
};

/** `close_to_onboarding` → "Close → onboarding". */
export function handoffKindLabel(kind: HandoffKind): string {
  return KIND_LABEL[kind];
}

// ---------------------------------------------------------------- summaries

/**
 * What the triage keeps of one client between writes: every field its rules read and nothing else. The dashboard
 * keeps one per client in the local database (`lib/db/triage-store.ts`), rebuilt for a client whenever one of its rows
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
    const reopened = old && d.decidedAt - old.decidedAt <= REOPEN_WINDOW_DAYS * DAY_MS && d.decidedAt >= old.decidedAt;
    if (!uncirculated && !reopened) continue;
    out.push({ title: d.title, decidedAt: d.decidedAt, uncirculated, ...(reopened ? { reopened: { title: old.title, decidedAt: old.decidedAt } } : {}) });
  }
  return out;
}

const inWindow = (decidedAt: number, now: number) => now - decidedAt <= DECISION_WINDOW_DAYS * DAY_MS;

// ---------------------------------------------------------------- rules

/** The triage of every client, one pass over the grouped rows. */
export function buildTriage(input: TriageInput): Triage {
  return triageFromSummaries(summarizeClients(input), input.now);
}

/** The triage from the kept summaries (what the dashboard opens on). */
export function triageFromSummaries(summaries: readonly TriageSummary[], now: number): Triage {
  const rows: TriageRow[] = [];
  for (const s of summaries) {
    const row = triageRow(s, now);
    if (row) rows.push(row);
  }
  return { rows, clients: summaries.length };
}

/** One client's row at `now`, or null when nothing needs a look. */
export function triageRow(s: TriageSummary, now: number): TriageRow | null {
  const issues: TriageIssue[] = [];
  for (const h of s.handoffs) handoffIssues(h, now, issues);
  if (s.objective) objectiveIssues(s.objective, now, issues);
  stakeholderIssues(s, now, issues);
  decisionIssues(s.decisions, now, issues);
  if (issues.length === 0) return null;
  issues.sort((a, b) => TRIAGE_RULES[b.code].weight - TRIAGE_RULES[a.code].weight || a.since - b.since);
  let score = 0;
  let oldest = Infinity;
  for (const i of issues) {
    score += TRIAGE_RULES[i.code].weight;
    if (i.since < oldest) oldest = i.since;
  }
  return { clientId: s.clientId, name: s.name, salesOwner: s.salesOwner, csOwner: s.csOwner, stage: s.stage, crms: s.crms, link: s.link, issues, score, oldest };
}

function handoffIssues(h: TriageHandoff, now: number, out: TriageIssue[]): void {
  const kind = KIND_LABEL[h.kind];
  if (h.status === 'rejected') {
    const at = h.rejection?.at ?? h.rejectedAt ?? h.createdAt;
    const why = h.rejection?.reason;
    out.push({ code: 'handoff_rejected', since: at, fact: `${kind} rejected${h.rejection?.by ? ` by ${nameOf(h.rejection.by)}` : ''}${why ? `: “${why}”` : ''}` });
  } else if (h.status === 'submitted') {
    const submitted = h.submittedAt ?? h.createdAt;
    const dueAt = addBusinessDays(submitted, h.slaBusinessDays);
    const waiting = h.receiverOwner ? ` on ${nameOf(h.receiverOwner)}` : '';
    if (now > dueAt) {
      const n = businessDaysBetween(submitted, now);
      out.push({ code: 'handoff_overdue', since: dueAt, fact: `${kind} waiting${waiting} ${n} business days (SLA ${h.slaBusinessDays})` });
    } else {
      out.push({ code: 'handoff_awaiting', since: submitted, fact: `${kind} waiting${waiting}, due in ${Math.max(0, h.slaBusinessDays - businessDaysBetween(submitted, now))} business days` });
    }
  }
  if (h.incompleteAtClose && h.status !== 'accepted') {
    const share = h.completenessAtClose === undefined ? '' : ` (${Math.round(h.completenessAtClose * 100)}% complete)`;
    out.push({ code: 'handoff_incomplete_at_close', since: h.submittedAt ?? h.createdAt, fact: `${kind} was incomplete when the deal was won${share}` });
  }
}

function objectiveIssues(o: TriageObjective, now: number, out: TriageIssue[]): void {
  if (o.signedVersion !== null && o.version > o.signedVersion) {
    out.push({ code: 'objective_changed', since: o.changedAt, fact: `At version ${o.version}, signed at version ${o.signedVersion}` });
  }
  if (now > o.reviewDueAt) {
    const days = reviewOverdueDays(o.reviewDueAt, now);
    out.push({ code: 'objective_review_overdue', since: o.reviewDueAt, fact: `Review ${days} ${days === 1 ? 'day' : 'days'} overdue (every ${o.reviewCadenceDays} days)` });
  }
  if (o.missingSigners.length > 0) {
    const missing = o.missingSigners.map((r) => r.replace(/_/g, ' '));
    out.push({ code: 'objective_unsigned', since: o.createdAt, fact: `Not signed by the ${missing.join(', ')}` });
  }
}

function stakeholderIssues(s: TriageSummary, now: number, out: TriageIssue[]): void {
  for (const b of s.blockers) out.push({ code: 'high_influence_blocker', since: b.since, fact: `${b.name}${b.title ? ` (${b.title})` : ''} is against` });
  let engaged = 0;
  let lastHigh = 0;
  for (const at of s.highEngagedAt) {
    if (at && isEngaged({ lastEngagedAt: at }, now)) engaged++;
    if (at > lastHigh) lastHigh = at;
  }
  if (isSingleThreaded(engaged)) {
    const fact = s.stakeholders === 0
      ? 'No stakeholders mapped'
      : engaged === 1
        ? `One high-influence contact engaged in ${DEFAULT_ENGAGED_WITHIN_DAYS} days`
        : `No high-influence contact engaged in ${DEFAULT_ENGAGED_WITHIN_DAYS} days`;
    out.push({ code: 'single_thread', since: lastHigh || now, fact });
  }
}

function decisionIssues(list: readonly TriageDecision[], now: number, out: TriageIssue[]): void {
  for (const d of list) {
    if (!inWindow(d.decidedAt, now)) continue;
    const due = d.decidedAt + CIRCULATION_DUE_HOURS * HOUR_MS;
    if (d.uncirculated && now > due) out.push({ code: 'decision_not_circulated', since: due, fact: `“${d.title}” not shared with its owners` });
    if (d.reopened) {
      const days = Math.floor((d.decidedAt - d.reopened.decidedAt) / DAY_MS);
      out.push({ code: 'decision_reopened', since: d.decidedAt, fact: `“${d.reopened.title}” reopened ${days === 0 ? 'the same day' : `after ${days} ${days === 1 ? 'day' : 'days'}`}` });
    }
  }
}

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

// ---------------------------------------------------------------- filter and sort

export interface TriageFilter {
  /** A sales or CS owner, exactly as written on the client. */
  owner?: string | undefined;
  stage?: string | undefined;
  crm?: Crm | undefined;
  group?: TriageGroup | undefined;
  /** Words in the client's name. */
  text?: string | undefined;
}

export type TriageSort = 'urgency' | 'oldest' | 'name' | 'owner';

export const TRIAGE_SORTS: { sort: TriageSort; label: string }[] = [
  { sort: 'urgency', label: 'Most urgent' },
  { sort: 'oldest', label: 'Waiting longest' },
  { sort: 'name', label: 'Client name' },
  { sort: 'owner', label: 'Owner' },
];

/** Rows that match every given filter. */
export function filterTriage(rows: readonly TriageRow[], f: TriageFilter): TriageRow[] {
  const text = f.text?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.owner || r.salesOwner === f.owner || r.csOwner === f.owner) &&
      (!f.stage || r.stage === f.stage) &&
      (!f.crm || r.crms.includes(f.crm)) &&
      (!f.group || r.issues.some((i) => TRIAGE_RULES[i.code].group === f.group)) &&
      (!text || r.name.toLowerCase().includes(text)),
  );
}

const byName = (a: TriageRow, b: TriageRow) => a.name.localeCompare(b.name) || a.clientId.localeCompare(b.clientId);

/** A sorted copy; ties fall back to the client's name so the order is stable across renders. */
export function sortTriage(rows: readonly TriageRow[], sort: TriageSort): TriageRow[] {
  const cmp: Record<TriageSort, (a: TriageRow, b: TriageRow) => number> = {
    urgency: (a, b) => b.score - a.score || a.oldest - b.oldest || byName(a, b),
    oldest: (a, b) => a.oldest - b.oldest || b.score - a.score || byName(a, b),
    name: byName,
    owner: (a, b) => (a.csOwner ?? a.salesOwner ?? '\uffff').localeCompare(b.csOwner ?? b.salesOwner ?? '\uffff') || byName(a, b),
  };
  return [...rows].sort(cmp[sort]);
}

export interface TriageFacets {
  owners: string[];
  stages: string[];
  crms: Crm[];
  /** Clients with at least one issue of each group. */
  groups: Record<TriageGroup, number>;
}

/** The values the filters offer, from the rows themselves, sorted. */
export function triageFacets(rows: readonly TriageRow[]): TriageFacets {
  const owners = new Set<string>();
  const stages = new Set<string>();
  const crms = new Set<Crm>();
  const groups: Record<TriageGroup, number> = { handoffs: 0, objectives: 0, stakeholders: 0, decisions: 0 };
  for (const r of rows) {
    if (r.salesOwner) owners.add(r.salesOwner);
    if (r.csOwner) owners.add(r.csOwner);
    if (r.stage) stages.add(r.stage);
    for (const c of r.crms) crms.add(c);
    const seen = new Set<TriageGroup>();
    for (const i of r.issues) seen.add(TRIAGE_RULES[i.code].group);
    for (const g of seen) groups[g]++;
  }
  const sorted = <T extends string>(s: Set<T>) => [...s].sort((a, b) => a.localeCompare(b));
  return { owners: sorted(owners), stages: sorted(stages), crms: sorted(crms), groups };
}
