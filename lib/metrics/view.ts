/**
 * The metrics page's view model: the shared metrics of DOMAIN.md (computed by `lib/domain/metrics`) shaped into what
 * the charts draw: month series with the empty months filled in, a coverage histogram, headline numbers. Pure, so
 * every figure on the page has a unit test; a figure with no data behind it is null, never zero.
 */
import {
  completenessAtClose,
  expansionQualifiedRate,
  nrrByCohort,
  portfolioCoverage,
  rejectionRate,
  timeToAccept,
  timeToFirstValueByCohort,
  type CohortNrr,
  type CompletenessAtClose,
  type CohortTimeToFirstValue,
  type ExpansionQualifiedRate,
  type RejectionRate,
  type TimeToAccept,
} from '../domain/metrics';
import type { Client, Handoff, LifecycleEvent, Stakeholder } from '../domain/schemas';
import { DAY_MS, addMonths, medianOrNull, monthKey } from '../domain/time';

export interface MetricsInput {
  clients: readonly Client[];
  stakeholders: readonly Stakeholder[];
  handoffs: readonly Handoff[];
  events: readonly LifecycleEvent[];
  now: number;
}

export interface MonthPoint<T> {
  /** `2026-01` */
  month: string;
  /** `Jan 26` */
  label: string;
  value: T;
}

export interface HistogramBin {
  /** `40–50%` */
  label: string;
  from: number;
  to: number;
  count: number;
}

export interface MetricsView {
  clients: number;
  ttfv: {
    cohorts: (CohortTimeToFirstValue & { label: string })[];
    /** Median over every client that reached first value. */
    medianDays: number | null;
    signed: number;
    achieved: number;
  };
  coverage: {
    ratio: number | null;
    engaged: number;
    total: number;
    /** Ten bins of 10 points over clients that have at least one decision-maker. */
    histogram: HistogramBin[];
    /** Clients with no known decision-maker: left out of the histogram (0 of 0 is not a ratio). */
    unmapped: number;
    medianRatio: number | null;
  };
  completeness: CompletenessAtClose & { byMonth: MonthPoint<{ count: number; mean: number | null }>[] };
  rejection: RejectionRate & { byMonth: MonthPoint<RejectionRate>[] };
  accept: TimeToAccept & { byMonth: MonthPoint<{ accepted: number; medianDays: number | null }>[] };
  expansion: ExpansionQualifiedRate;
  nrr: { imported: false } | { imported: true; asOf: string; cohorts: CohortNrr[] };
}

/** How many months the over-time charts show, ending with the current month. */
export const MONTHS_SHOWN = 12;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-01` → `Jan 26`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y!.slice(2)}`;
}

/** The last `n` months ending with `now`'s month, oldest first. */
export function lastMonths(now: number, n = MONTHS_SHOWN): string[] {
  const end = monthKey(now);
  return Array.from({ length: n }, (_, i) => addMonths(end, i - (n - 1)));
}

/** Everything the metrics page shows. */
export function buildMetrics(input: MetricsInput): MetricsView {
  const { clients, stakeholders, handoffs, events, now } = input;
  const ids = clients.map((c) => c.id);
  const months = lastMonths(now);

  const cohorts = timeToFirstValueByCohort(events);
  const allDays: number[] = [];
  const signedAt = new Map<string, number>();
  for (const e of events) if (e.name === 'contract_signed' && (signedAt.get(e.clientId) ?? Infinity) > e.at) signedAt.set(e.clientId, e.at);
  const valueAt = new Map<string, number>();
  for (const e of events) {
    const s = signedAt.get(e.clientId);
    if (e.name === 'first_value_achieved' && s !== undefined && e.at >= s && (valueAt.get(e.clientId) ?? Infinity) > e.at) valueAt.set(e.clientId, e.at);
  }
  for (const [id, at] of valueAt) allDays.push((at - signedAt.get(id)!) / DAY_MS);

  return {
    clients: clients.length,
    ttfv: {
      cohorts: cohorts.map((c) => ({ ...c, label: monthLabel(c.cohort) })),
      medianDays: medianOrNull(allDays),
      signed: signedAt.size,
      achieved: allDays.length,
    },
    coverage: coverageView(ids, stakeholders, now),
    completeness: completenessView(handoffs, months),
    rejection: rejectionView(events, months),
    accept: acceptView(events, months),
    expansion: expansionQualifiedRate(ids, stakeholders, events, now),
    nrr: nrrView(clients, events),
  };
}

function coverageView(ids: readonly string[], stakeholders: readonly Stakeholder[], now: number): MetricsView['coverage'] {
  const cov = portfolioCoverage(ids, stakeholders, now);
  const histogram: HistogramBin[] = Array.from({ length: 10 }, (_, i) => ({
    label: `${i * 10}–${(i + 1) * 10}%`,
    from: i / 10,
    to: (i + 1) / 10,
    count: 0,
  }));
  const ratios: number[] = [];
  let unmapped = 0;
  for (const c of cov.perClient) {
    if (c.total === 0) {
      unmapped++;
      continue;
    }
    ratios.push(c.ratio);
    histogram[Math.min(9, Math.floor(c.ratio * 10))]!.count++;
  }
  return { ...cov.portfolio, histogram, unmapped, medianRatio: medianOrNull(ratios) };
}

function completenessView(handoffs: readonly Handoff[], months: string[]): MetricsView['completeness'] {
  const overall = completenessAtClose(handoffs);
  const byMonth = new Map<string, number[]>();
  for (const h of handoffs) {
    if (h.kind !== 'close_to_onboarding' || h.completenessAtClose === undefined) continue;
    // The gate records completeness when the deal is seen won and the hand-over goes to CS then: its submission
    // (or, before that, its creation) is the month of the close.
    const m = monthKey(h.submittedAt ?? h.createdAt);
    const list = byMonth.get(m);
    if (list) list.push(h.completenessAtClose);
    else byMonth.set(m, [h.completenessAtClose]);
  }
  return {
    ...overall,
    byMonth: months.map((month) => {
      const xs = byMonth.get(month) ?? [];
      return point(month, { count: xs.length, mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null });
    }),
  };
}

function rejectionView(events: readonly LifecycleEvent[], months: string[]): MetricsView['rejection'] {
  const byMonth = new Map<string, LifecycleEvent[]>();
  for (const e of events) {
    if (e.name !== 'handoff_submitted' && e.name !== 'handoff_rejected') continue;
    const m = monthKey(e.at);
    const list = byMonth.get(m);
    if (list) list.push(e);
    else byMonth.set(m, [e]);
  }
  return { ...rejectionRate(events), byMonth: months.map((month) => point(month, rejectionRate(byMonth.get(month) ?? []))) };
}

function acceptView(events: readonly LifecycleEvent[], months: string[]): MetricsView['accept'] {
  // Same pairing as `timeToAccept` (first submission → first acceptance of one hand-over), bucketed by the month
  // of the acceptance.
  const submitted = new Map<string, number>();
  const accepted = new Map<string, number>();
  for (const e of events) {
    const id = e.payload['handoffId'];
    if (typeof id !== 'string') continue;
    const target = e.name === 'handoff_submitted' ? submitted : e.name === 'handoff_accepted' ? accepted : undefined;
    if (target && (target.get(id) ?? Infinity) > e.at) target.set(id, e.at);
  }
  const byMonth = new Map<string, number[]>();
  for (const [id, at] of accepted) {
    const from = submitted.get(id);
    if (from === undefined || from > at) continue;
    const m = monthKey(at);
    const list = byMonth.get(m);
    if (list) list.push((at - from) / DAY_MS);
    else byMonth.set(m, [(at - from) / DAY_MS]);
  }
  return {
    ...timeToAccept(events),
    byMonth: months.map((month) => {
      const xs = byMonth.get(month) ?? [];
      return point(month, { accepted: xs.length, medianDays: medianOrNull(xs) });
    }),
  };
}

function nrrView(clients: readonly Client[], events: readonly LifecycleEvent[]): MetricsView['nrr'] {
  let asOf = '';
  for (const c of clients) for (const m of Object.keys(c.revenue ?? {})) if (m > asOf) asOf = m;
  if (!asOf) return { imported: false };
  return { imported: true, asOf, cohorts: nrrByCohort(clients, events, asOf).filter((c) => c.withFigures > 0) };
}

function point<T>(month: string, value: T): MonthPoint<T> {
  return { month, label: monthLabel(month), value };
}
