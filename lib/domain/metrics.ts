/**
 * The shared metrics of the one dashboard. Every figure is computed from imported or recorded rows only: where the
 * data is absent the figure is null, never a guess (net revenue retention above all).
 */
import { firstEventAt } from './bundle';
import type { Client, Handoff, LifecycleEvent, Stakeholder } from './schemas';
import { coverage, isEngaged } from './stakeholders';
import { DEFAULT_ENGAGED_WITHIN_DAYS } from './windows';
import { DAY_MS, addMonths, medianOrNull, monthKey } from './time';
import { groupBy } from './group-by';

// ---------------------------------------------------------------- time-to-first-value

export interface TimeToFirstValue {
  clientId: string;
  contractSignedAt: number;
  /** The first `first_value_achieved` at or after the contract; null while not achieved. */
  firstValueAt: number | null;
  days: number | null;
}

/** Per client with a `contract_signed` event: days from the first contract signature to first value. */
export function timeToFirstValue(events: readonly LifecycleEvent[]): TimeToFirstValue[] {
  const signed = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'contract_signed') continue;
    const prev = signed.get(e.clientId);
    if (prev === undefined || e.at < prev) signed.set(e.clientId, e.at);
  }
  const value = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'first_value_achieved') continue;
    const start = signed.get(e.clientId);
    if (start === undefined || e.at < start) continue;
    const prev = value.get(e.clientId);
    if (prev === undefined || e.at < prev) value.set(e.clientId, e.at);
  }
  return [...signed].map(([clientId, contractSignedAt]) => {
    const firstValueAt = value.get(clientId) ?? null;
    return { clientId, contractSignedAt, firstValueAt, days: firstValueAt === null ? null : (firstValueAt - contractSignedAt) / DAY_MS };
  });
}

export interface CohortTimeToFirstValue {
  /** Month of `contract_signed`, `2026-01`. */
  cohort: string;
  clients: number;
  achieved: number;
  /** Median days over the clients that reached first value; null when none has. */
  medianDays: number | null;
}

/** Time-to-first-value by cohort (month of contract signature), oldest cohort first. */
export function timeToFirstValueByCohort(events: readonly LifecycleEvent[]): CohortTimeToFirstValue[] {
  const cohorts = new Map<string, number[]>();
  const sizes = new Map<string, number>();
  for (const t of timeToFirstValue(events)) {
    const c = monthKey(t.contractSignedAt);
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
    if (!cohorts.has(c)) cohorts.set(c, []);
    if (t.days !== null) cohorts.get(c)!.push(t.days);
  }
  return [...sizes.keys()].sort().map((cohort) => {
    const days = cohorts.get(cohort)!;
    return { cohort, clients: sizes.get(cohort)!, achieved: days.length, medianDays: medianOrNull(days) };
  });
}

// ---------------------------------------------------------------- coverage

export interface PortfolioCoverage {
  perClient: { clientId: string; engaged: number; total: number; ratio: number }[];
  /** Pooled over the portfolio: all engaged decision-makers / all known ones; null when none is known anywhere. */
  portfolio: { engaged: number; total: number; ratio: number | null };
}

/** Stakeholder coverage per client and for the portfolio. Clients with no stakeholders appear with 0 of 0. */
export function portfolioCoverage(
  clientIds: readonly string[],
  stakeholders: readonly Stakeholder[],
  now: number,
  withinDays = DEFAULT_ENGAGED_WITHIN_DAYS,
): PortfolioCoverage {
  const byClient = groupBy(stakeholders, (s) => s.clientId);
  let engaged = 0;
  let total = 0;
  const perClient = clientIds.map((clientId) => {
    const c = coverage(byClient.get(clientId) ?? [], now, withinDays);
    engaged += c.engaged;
    total += c.total;
    return { clientId, engaged: c.engaged, total: c.total, ratio: c.ratio };
  });
  return { perClient, portfolio: { engaged, total, ratio: total === 0 ? null : engaged / total } };
}

// ---------------------------------------------------------------- hand-over health

export interface CompletenessAtClose {
  /** close_to_onboarding hand-overs whose completeness was recorded when the deal was seen won. */
  count: number;
  /** How many of them were incomplete (completeness below 1). */
  incomplete: number;
  mean: number | null;
  median: number | null;
}

/** Completeness of `close_to_onboarding` hand-overs at the moment their deal was seen won. */
export function completenessAtClose(handoffs: readonly Handoff[]): CompletenessAtClose {
  const xs: number[] = [];
  for (const h of handoffs) if (h.kind === 'close_to_onboarding' && h.completenessAtClose !== undefined) xs.push(h.completenessAtClose);
  return {
    count: xs.length,
    incomplete: xs.filter((x) => x < 1).length,
    mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null,
    median: medianOrNull(xs),
  };
}

export interface RejectionRate {
  submissions: number;
  rejections: number;
  /** rejections / submissions; null when nothing was submitted. */
  rate: number | null;
}

/** Rejected submissions / submissions, counted from `handoff_submitted` and `handoff_rejected` events. */
export function rejectionRate(events: readonly LifecycleEvent[]): RejectionRate {
  let submissions = 0;
  let rejections = 0;
  for (const e of events) {
    if (e.name === 'handoff_submitted') submissions++;
    else if (e.name === 'handoff_rejected') rejections++;
  }
  return { submissions, rejections, rate: submissions === 0 ? null : rejections / submissions };
}

export interface TimeToAccept {
  /** Hand-overs accepted (with a submission before the acceptance). */
  accepted: number;
  /** Median days from a hand-over's first submission to its acceptance, rejections and resubmissions included. */
  medianDays: number | null;
}

/**
 * Time to accept: from the first `handoff_submitted` to the first `handoff_accepted` of the same hand-over, which
 * events name in `payload.handoffId`. Measured from the first submission so that a reject-and-resubmit loop counts
 * against the hand-over, which is the friction the metric exists to show.
 */
export function timeToAccept(events: readonly LifecycleEvent[]): TimeToAccept {
  const submitted = new Map<string, number>();
  const accepted = new Map<string, number>();
  for (const e of events) {
    const id = handoffIdOf(e);
    if (id === undefined) continue;
    const target = e.name === 'handoff_submitted' ? submitted : e.name === 'handoff_accepted' ? accepted : undefined;
    if (!target) continue;
    const prev = target.get(id);
    if (prev === undefined || e.at < prev) target.set(id, e.at);
  }
  const days: number[] = [];
  for (const [id, at] of accepted) {
    const from = submitted.get(id);
    if (from !== undefined && from <= at) days.push((at - from) / DAY_MS);
  }
  return { accepted: days.length, medianDays: medianOrNull(days) };
}

function handoffIdOf(e: LifecycleEvent): string | undefined {
  const id = e.payload['handoffId'];
  return typeof id === 'string' ? id : undefined;
}

// ---------------------------------------------------------------- expansion

export interface ExpansionQualifiedRate {
  clients: number;
  qualified: number;
  /** qualified / clients; null for an empty portfolio. */
  rate: number | null;
  qualifiedClientIds: string[];
}

/**
 * Expansion-qualified account rate: clients with an `expansion_signal_detected` event and an executive sponsor
 * engaged within `withinDays`, over all clients.
 */
export function expansionQualifiedRate(
  clientIds: readonly string[],
  stakeholders: readonly Stakeholder[],
  events: readonly LifecycleEvent[],
  now: number,
  withinDays = DEFAULT_ENGAGED_WITHIN_DAYS,
): ExpansionQualifiedRate {
  const withSignal = new Set<string>();
  for (const e of events) if (e.name === 'expansion_signal_detected') withSignal.add(e.clientId);
  const sponsored = new Set<string>();
  for (const s of stakeholders) {
    if (s.roles.includes('executive_sponsor') && isEngaged(s, now, withinDays)) sponsored.add(s.clientId);
  }
  const qualifiedClientIds = clientIds.filter((id) => withSignal.has(id) && sponsored.has(id));
  return {
    clients: clientIds.length,
    qualified: qualifiedClientIds.length,
    rate: clientIds.length === 0 ? null : qualifiedClientIds.length / clientIds.length,
    qualifiedClientIds,
  };
}

// ---------------------------------------------------------------- net revenue retention

export interface CohortNrr {
  /** Month of `contract_signed`. */
  cohort: string;
  clients: number;
  /** Clients with an imported figure for both the start and the end month. */
  withFigures: number;
  startRevenue: number;
  endRevenue: number;
  /** endRevenue / startRevenue over `withFigures` clients; null when no client has both figures or the start is 0. */
  nrr: number | null;
}

/**
 * Net revenue retention by acquisition cohort (month of `contract_signed`), over the twelve months ending `asOf`
 * (`2026-06`): revenue in `asOf` / revenue twelve months earlier, for the cohort's clients that have imported figures
 * for both months. Only `client.revenue` is read; a client without both figures is left out, never filled in.
 * Clients with no `contract_signed` event belong to no cohort.
 */
export function nrrByCohort(clients: readonly Client[], events: readonly LifecycleEvent[], asOf: string): CohortNrr[] {
  const start = addMonths(asOf, -12);
  const byClient = groupBy(events, (e) => e.clientId);
  const cohorts = new Map<string, CohortNrr>();
  for (const c of clients) {
    const signedAt = firstEventAt(byClient.get(c.id) ?? [], 'contract_signed');
    if (signedAt === undefined) continue;
    const cohort = monthKey(signedAt);
    let row = cohorts.get(cohort);
    if (!row) cohorts.set(cohort, (row = { cohort, clients: 0, withFigures: 0, startRevenue: 0, endRevenue: 0, nrr: null }));
    row.clients++;
    const a = c.revenue?.[start];
    const b = c.revenue?.[asOf];
    if (a === undefined || b === undefined) continue;
    row.withFigures++;
    row.startRevenue += a;
    row.endRevenue += b;
  }
  return [...cohorts.values()]
    .sort((x, y) => (x.cohort < y.cohort ? -1 : 1))
    .map((r) => ({ ...r, nrr: r.withFigures && r.startRevenue > 0 ? r.endRevenue / r.startRevenue : null }));
}
