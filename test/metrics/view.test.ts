import { describe, expect, it } from 'vitest';
import { buildMetrics, lastMonths, monthLabel, type MetricsInput } from '../../lib/metrics/view';
import { T0, client, days, event, handoff, person } from '../domain/builders';

/** T0 is 2 March 2026. */
const input = (over: Partial<MetricsInput> = {}): MetricsInput => ({ clients: [], stakeholders: [], handoffs: [], events: [], now: T0, ...over });

describe('the metrics view model', () => {
  it('labels months and shows the last twelve, ending with this month', () => {
    expect(monthLabel('2026-01')).toBe('Jan 26');
    expect(lastMonths(T0)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
  });

  it('has no figure at all for an empty portfolio: nulls, not zeros', () => {
    const m = buildMetrics(input());
    expect(m.clients).toBe(0);
    expect(m.ttfv).toEqual({ cohorts: [], medianDays: null, signed: 0, achieved: 0 });
    expect(m.coverage.ratio).toBeNull();
    expect(m.coverage.medianRatio).toBeNull();
    expect(m.coverage.histogram.every((b) => b.count === 0)).toBe(true);
    expect(m.completeness).toMatchObject({ count: 0, mean: null });
    expect(m.completeness.byMonth.every((p) => p.value.mean === null)).toBe(true);
    expect(m.rejection).toMatchObject({ submissions: 0, rate: null });
    expect(m.accept).toMatchObject({ accepted: 0, medianDays: null });
    expect(m.expansion.rate).toBeNull();
    expect(m.nrr).toEqual({ imported: false });
  });

  it('time to first value: cohorts by month of contract, a cohort still waiting has no median', () => {
    const events = [
      event('contract_signed', Date.UTC(2026, 0, 5), { clientId: 'a' }),
      event('first_value_achieved', Date.UTC(2026, 0, 5) + days(20), { clientId: 'a' }),
      event('contract_signed', Date.UTC(2026, 0, 20), { clientId: 'b' }),
      event('first_value_achieved', Date.UTC(2026, 0, 20) + days(40), { clientId: 'b' }),
      event('contract_signed', Date.UTC(2026, 1, 3), { clientId: 'c' }),
    ];
    const m = buildMetrics(input({ events }));
    expect(m.ttfv.cohorts).toEqual([
      { cohort: '2026-01', label: 'Jan 26', clients: 2, achieved: 2, medianDays: 30 },
      { cohort: '2026-02', label: 'Feb 26', clients: 1, achieved: 0, medianDays: null },
    ]);
    expect(m.ttfv).toMatchObject({ medianDays: 30, signed: 3, achieved: 2 });
  });

  it('coverage: a histogram of per-client ratios, unmapped clients counted apart', () => {
    const engaged = (id: string, clientId: string, at: number) => person(id, id, { clientId, roles: ['executive_sponsor'], lastEngagedAt: at });
    const stakeholders = [
      engaged('a1', 'a', T0 - days(1)),
      engaged('a2', 'a', T0 - days(100)),
      engaged('b1', 'b', T0 - days(1)),
      person('c1', 'c1', { clientId: 'c', roles: ['user'] }),
    ];
    const m = buildMetrics(input({ clients: ['a', 'b', 'c'].map((id) => client({ id })), stakeholders }));
    expect(m.coverage).toMatchObject({ engaged: 2, total: 3, unmapped: 1, medianRatio: 0.75 });
    expect(m.coverage.ratio).toBeCloseTo(2 / 3);
    expect(m.coverage.histogram.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(m.coverage.histogram[5]!.label).toBe('50–60%');
  });

  it('completeness at close by month of submission, only close → onboarding hand-overs with a figure', () => {
    const handoffs = [
      handoff({}, { id: 'h1', completenessAtClose: 0.5, submittedAt: Date.UTC(2026, 1, 10) }),
      handoff({}, { id: 'h2', completenessAtClose: 1, submittedAt: Date.UTC(2026, 1, 12) }),
      handoff({}, { id: 'h3', completenessAtClose: 0.25, createdAt: Date.UTC(2026, 2, 1) }),
      handoff({}, { id: 'h4', kind: 'onboarding_to_adoption', completenessAtClose: 0, submittedAt: Date.UTC(2026, 1, 12) }),
      handoff({}, { id: 'h5', submittedAt: Date.UTC(2026, 1, 12) }),
    ];
    const m = buildMetrics(input({ handoffs }));
    expect(m.completeness).toMatchObject({ count: 3, incomplete: 2 });
    expect(m.completeness.byMonth.slice(-2).map((p) => [p.month, p.value])).toEqual([
      ['2026-02', { count: 2, mean: 0.75 }],
      ['2026-03', { count: 1, mean: 0.25 }],
    ]);
    expect(m.completeness.byMonth[0]!.value).toEqual({ count: 0, mean: null });
  });

  it('rejection rate over time, month by month', () => {
    const events = [
      event('handoff_submitted', Date.UTC(2026, 1, 2)),
      event('handoff_rejected', Date.UTC(2026, 1, 3)),
      event('handoff_submitted', Date.UTC(2026, 1, 4)),
      event('handoff_submitted', Date.UTC(2026, 2, 1)),
    ];
    const m = buildMetrics(input({ events }));
    expect(m.rejection).toMatchObject({ submissions: 3, rejections: 1 });
    expect(m.rejection.byMonth.slice(-2).map((p) => p.value)).toEqual([
      { submissions: 2, rejections: 1, rate: 0.5 },
      { submissions: 1, rejections: 0, rate: 0 },
    ]);
    expect(m.rejection.byMonth[0]!.value.rate).toBeNull();
  });

  it('time to accept from the first submission, by month of acceptance; unpaired events are ignored', () => {
    const h = (id: string) => ({ payload: { handoffId: id } });
    const events = [
      event('handoff_submitted', Date.UTC(2026, 1, 2), h('x')),
      event('handoff_rejected', Date.UTC(2026, 1, 3), h('x')),
      event('handoff_submitted', Date.UTC(2026, 1, 5), h('x')),
      event('handoff_accepted', Date.UTC(2026, 1, 6), h('x')),
      event('handoff_submitted', Date.UTC(2026, 1, 27), h('y')),
      event('handoff_accepted', Date.UTC(2026, 2, 1), h('y')),
      event('handoff_accepted', Date.UTC(2026, 2, 1), h('orphan')),
    ];
    const m = buildMetrics(input({ events }));
    expect(m.accept).toMatchObject({ accepted: 2, medianDays: 3 });
    expect(m.accept.byMonth.slice(-2).map((p) => p.value)).toEqual([
      { accepted: 1, medianDays: 4 },
      { accepted: 1, medianDays: 2 },
    ]);
  });

  it('expansion-qualified rate: a signal and an engaged executive sponsor', () => {
    const clients = ['a', 'b', 'c', 'd'].map((id) => client({ id }));
    const stakeholders = [
      person('sa', 'A', { clientId: 'a', roles: ['executive_sponsor'], lastEngagedAt: T0 - days(2) }),
      person('sb', 'B', { clientId: 'b', roles: ['executive_sponsor'], lastEngagedAt: T0 - days(200) }),
    ];
    const events = ['a', 'b', 'c'].map((id) => event('expansion_signal_detected', T0 - days(1), { clientId: id }));
    expect(buildMetrics(input({ clients, stakeholders, events })).expansion).toMatchObject({ clients: 4, qualified: 1, rate: 0.25, qualifiedClientIds: ['a'] });
  });

  it('net revenue retention only from imported figures, cohorts without figures left out', () => {
    const events = [
      event('contract_signed', Date.UTC(2024, 5, 1), { clientId: 'a' }),
      event('contract_signed', Date.UTC(2024, 5, 9), { clientId: 'b' }),
      event('contract_signed', Date.UTC(2024, 8, 1), { clientId: 'c' }),
    ];
    const clients = [
      client({ id: 'a', revenue: { '2025-03': 100, '2026-03': 120 } }),
      client({ id: 'b', revenue: { '2026-03': 50 } }),
      client({ id: 'c' }),
    ];
    const m = buildMetrics(input({ clients, events }));
    expect(m.nrr).toEqual({
      imported: true,
      asOf: '2026-03',
      cohorts: [{ cohort: '2024-06', clients: 2, withFigures: 1, startRevenue: 100, endRevenue: 120, nrr: 1.2 }],
    });
    expect(buildMetrics(input({ clients: [client({ id: 'c' })], events })).nrr).toEqual({ imported: false });
  });
});
