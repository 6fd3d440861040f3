/**
 * The weekly triage of the whole portfolio, as pure rules over plain rows: which clients need a team lead's eyes and
 * why. It runs over every client on the dashboard's first render, so it takes the tables as arrays read in bulk
 * (a handful of `toArray` calls), groups them by client once, and decides each client in one pass: no per-client
 * queries, no zod.
 */
import { businessDaysBetween } from '../domain/business-days';
import { reviewOverdueDays } from '../domain/objective';
import { nameOf } from '../domain/people';
import { isEngaged, isSingleThreaded } from '../domain/stakeholders';
import { DAY_MS } from '../domain/time';
import { circulationDueAt, DEFAULT_ENGAGED_WITHIN_DAYS, handoffDueAt } from '../domain/windows';
import { handoffKindLabel, plural, roleName } from '../domain/words';
import { inWindow, summarizeClients, type TriageClient, type TriageDecision, type TriageHandoff, type TriageInput, type TriageObjective, type TriageSummary } from './summary';

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


export interface TriageIssue {
  code: TriageCode;
  /** The concrete fact, in one short sentence. */
  fact: string;
  /** Since when it has been true (the submission, the due date…); the "oldest" sort uses it. */
  since: number;
}


export interface TriageRow extends TriageClient {
  /** Most urgent first. */
  issues: TriageIssue[];
  /** Sum of the issues' weights. */
  score: number;
  /** The oldest `since` of the issues. */
  oldest: number;
}

export interface Triage {
  /** Clients with at least one issue. */
  rows: TriageRow[];
  /** All clients in the portfolio. */
  clients: number;
}

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
  const kind = handoffKindLabel(h.kind);
  if (h.status === 'rejected') {
    const at = h.rejection?.at ?? h.rejectedAt ?? h.createdAt;
    const why = h.rejection?.reason;
    out.push({ code: 'handoff_rejected', since: at, fact: `${kind} rejected${h.rejection?.by ? ` by ${nameOf(h.rejection.by)}` : ''}${why ? `: “${why}”` : ''}` });
  } else if (h.status === 'submitted') {
    const submitted = h.submittedAt ?? h.createdAt;
    const dueAt = handoffDueAt(h);
    const waiting = h.receiverOwner ? ` on ${nameOf(h.receiverOwner)}` : '';
    if (now > dueAt) {
      const n = businessDaysBetween(submitted, now);
      out.push({ code: 'handoff_overdue', since: dueAt, fact: `${kind} waiting${waiting} ${plural(n, 'business day')} (SLA ${h.slaBusinessDays})` });
    } else {
      out.push({ code: 'handoff_awaiting', since: submitted, fact: `${kind} waiting${waiting}, due in ${plural(Math.max(0, h.slaBusinessDays - businessDaysBetween(submitted, now)), 'business day')}` });
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
    out.push({ code: 'objective_review_overdue', since: o.reviewDueAt, fact: `Review ${plural(days, 'day')} overdue (every ${o.reviewCadenceDays} days)` });
  }
  if (o.missingSigners.length > 0) {
    const missing = o.missingSigners.map(roleName);
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
    const due = circulationDueAt(d.decidedAt);
    if (d.uncirculated && now > due) out.push({ code: 'decision_not_circulated', since: due, fact: `“${d.title}” not shared with its owners` });
    if (d.reopened) {
      const days = Math.floor((d.decidedAt - d.reopened.decidedAt) / DAY_MS);
      out.push({ code: 'decision_reopened', since: d.decidedAt, fact: `“${d.reopened.title}” reopened ${days === 0 ? 'the same day' : `after ${plural(days, 'day')}`}` });
    }
  }
}
