/**
 * Every time rule of the product, in one place: how long a decision may wait to be circulated, when a hand-over's
 * answer is due, what counts as a quick reopening, how long an engagement counts, and how far back the queue and the
 * triage look. Pure. Each page, read model and signal that shows one of these calls this module, so a rule changes
 * here or nowhere (`test/domain/windows.test.ts` holds their tables of cases).
 */
import { addBusinessDays } from './business-days';
import type { Decision, Handoff, LifecycleEvent } from './schemas';
import { DAY_MS, HOUR_MS } from './time';

/** A decision must reach all its owners within this many hours of being made (DOMAIN.md, Decisions). */
export const CIRCULATE_WITHIN_HOURS = 24;
export const CIRCULATE_WITHIN_MS = CIRCULATE_WITHIN_HOURS * HOUR_MS;

/** A decision reopened within this many days of being made is a misalignment signal (DOMAIN.md, signal 3). */
export const REOPEN_WINDOW_DAYS = 7;

/** A stakeholder counts as engaged when last engaged within this many days (DOMAIN.md, coverage ratio). */
export const DEFAULT_ENGAGED_WITHIN_DAYS = 45;

/**
 * "My queue" is today's work: a decision older than this leaves it even if never circulated (the client's page and
 * the triage still show it).
 */
export const QUEUE_DECISION_DAYS = 14;

/**
 * The triage is a weekly review of the last month: decisions made longer ago are history there (still on the
 * client's page). It bounds both of its decision rules, not circulated and reopened.
 */
export const TRIAGE_DECISION_DAYS = 30;

/** How far back the dashboard reads decisions: the triage's window plus the reopen window of the ones they reopen. */
export const TRIAGE_DECISION_READ_DAYS = TRIAGE_DECISION_DAYS + REOPEN_WINDOW_DAYS;

/** Whether `at` lies within the last `days` days of `now` (inclusive; a future `at` counts as within). */
export function withinDays(at: number, now: number, days: number): boolean {
  return now - at <= days * DAY_MS;
}

// ---------------------------------------------------------------- circulation

/** When a decision must have been circulated by. */
export function circulationDueAt(decidedAt: number): number {
  return decidedAt + CIRCULATE_WITHIN_MS;
}

/** Where a decision stands against the 24-hour rule. */
export interface Circulation {
  circulated: boolean;
  /** When it was circulated (the decision's own `circulatedAt` or the first `decision_circulated` event). */
  at?: number;
  /** `decidedAt` + 24 h. */
  dueAt: number;
  /** Time left until due (negative when overdue); 0 once circulated. */
  leftMs: number;
  overdue: boolean;
}

/** When a decision was circulated, from its own field or the `decision_circulated` events about it. */
export function circulatedAtOf(
  decision: Pick<Decision, 'id' | 'circulatedAt'>,
  events: readonly Pick<LifecycleEvent, 'name' | 'at' | 'payload'>[],
): number | undefined {
  let at = decision.circulatedAt;
  for (const e of events) {
    if (e.name === 'decision_circulated' && e.payload.decisionId === decision.id && (at === undefined || e.at < at)) at = e.at;
  }
  return at;
}

/** Where a decision stands against the 24-hour rule at `now`, given when (if ever) it was circulated. */
export function circulation(decision: Pick<Decision, 'decidedAt'>, circulatedAt: number | undefined, now: number): Circulation {
  const dueAt = circulationDueAt(decision.decidedAt);
  if (circulatedAt !== undefined) return { circulated: true, at: circulatedAt, dueAt, leftMs: 0, overdue: false };
  const leftMs = dueAt - now;
  return { circulated: false, dueAt, leftMs, overdue: leftMs < 0 };
}

/** Whether `next` (which reopens `old`) was decided within the reopen window after it. */
export function reopenedQuickly(old: Pick<Decision, 'decidedAt'>, next: Pick<Decision, 'decidedAt'>): boolean {
  const gap = next.decidedAt - old.decidedAt;
  return gap >= 0 && gap <= REOPEN_WINDOW_DAYS * DAY_MS;
}

// ---------------------------------------------------------------- hand-over SLA

/**
 * When the receiver's answer to a hand-over is due: its SLA in business days from submission. A row submitted by a
 * version that did not record `submittedAt` counts from its creation.
 */
export function handoffDueAt(h: Pick<Handoff, 'submittedAt' | 'createdAt' | 'slaBusinessDays'>): number {
  return addBusinessDays(h.submittedAt ?? h.createdAt, h.slaBusinessDays);
}

/** Whether a hand-over waits for its receiver past its SLA at `now` (only a submitted one can). */
export function isPastSla(h: Pick<Handoff, 'status' | 'submittedAt' | 'createdAt' | 'slaBusinessDays'>, now: number): boolean {
  return h.status === 'submitted' && now > handoffDueAt(h);
}
