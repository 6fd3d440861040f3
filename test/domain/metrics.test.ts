import { describe, expect, it } from 'vitest';
import {
  completenessAtClose,
  expansionQualifiedRate,
  nrrByCohort,
  portfolioCoverage,
  rejectionRate,
  timeToAccept,
  timeToFirstValue,
  timeToFirstValueByCohort,
} from '../../lib/domain/metrics';
import { client, days, event, handoff, person, T0 } from './builders';

const JAN = Date.UTC(2025, 0, 10);
const FEB = Date.UTC(2025, 1, 3);

describe('time-to-first-value', () => {
  const events = [
    event('contract_signed', JAN, { clientId: 'a' }),
    event('first_value_achieved', JAN + days(30), { clientId: 'a' }),
    event('first_value_achieved', JAN + days(50), { clientId: 'a' }), // a later repeat does not count
    event('contract_signed', JAN + days(5), { clientId: 'b' }),
    event('first_value_achieved', JAN + days(55), { clientId: 'b' }),
    event('contract_signed', JAN + days(1), { clientId: 'c' }), // not achieved yet
    event('first_value_achieved', FEB - days(60), { clientId: 'd' }), // value before any contract: ignored
    event('contract_signed', FEB, { clientId: 'd' }),
    event('first_value_achieved', FEB + days(10), { clientId: 'd' }),
    event('first_value_achieved', FEB, { clientId: 'e' }), // no contract: no figure
  ];

  it('measures each client from its first contract signature to its first value after it', () => {
    expect(timeToFirstValue(events).map((t) => [t.clientId, t.days])).toEqual([
      ['a', 30],
      ['b', 50],
      ['c', null],
      ['d', 10],
    ]);
  });

  it('takes the median by cohort, the month of contract signature, leaving out clients not there yet', () => {
    expect(timeToFirstValueByCohort(events)).toEqual([
      { cohort: '2025-01', clients: 3, achieved: 2, medianDays: 40 },
      { cohort: '2025-02', clients: 1, achieved: 1, medianDays: 10 },
    ]);
  });

  it('has no figure for an empty history', () => {
    expect(timeToFirstValueByCohort([])).toEqual([]);
  });
});

describe('coverage per client and portfolio', () => {
  it('pools engaged decision-makers across clients, and lists clients with nobody mapped', () => {
    const s = [
      person('a1', 'A1', { clientId: 'a', influence: 'high', lastEngagedAt: T0 - days(1) }),
      person('a2', 'A2', { clientId: 'a', influence: 'high' }),
      person('b1', 'B1', { clientId: 'b', roles: ['technical_owner'], lastEngagedAt: T0 - days(2) }),
    ];
    expect(portfolioCoverage(['a', 'b', 'c'], s, T0)).toEqual({
      perClient: [
        { clientId: 'a', engaged: 1, total: 2, ratio: 0.5 },
        { clientId: 'b', engaged: 1, total: 1, ratio: 1 },
        { clientId: 'c', engaged: 0, total: 0, ratio: 0 },
      ],
      portfolio: { engaged: 2, total: 3, ratio: 2 / 3 },
    });
  });

  it('has no portfolio ratio when no decision-maker is known anywhere', () => {
    expect(portfolioCoverage(['a'], [], T0).portfolio.ratio).toBeNull();
  });
});

describe('hand-over health', () => {
  it('averages completeness at close over close-to-onboarding hand-overs that recorded it', () => {
    const hs = [
      handoff({}, { completenessAtClose: 1 }),
      handoff({}, { completenessAtClose: 0.5 }),
      handoff({}, { completenessAtClose: 0.75 }),
      handoff({}, {}), // never seen won
      handoff({}, { kind: 'opportunity_to_close', completenessAtClose: 0 }),
    ];
    expect(completenessAtClose(hs)).toEqual({ count: 3, incomplete: 2, mean: 0.75, median: 0.75 });
    expect(completenessAtClose([])).toEqual({ count: 0, incomplete: 0, mean: null, median: null });
  });

  it.each([
    ['no submissions', [], { submissions: 0, rejections: 0, rate: null }],
    [
      'one rejection in four submissions',
      [
        event('handoff_submitted', T0),
        event('handoff_rejected', T0),
        event('handoff_submitted', T0),
        event('handoff_submitted', T0),
        event('handoff_submitted', T0),
        event('handoff_accepted', T0),
      ],
      { submissions: 4, rejections: 1, rate: 0.25 },
    ],
  ])('rejection rate with %s', (_, events, expected) => {
    expect(rejectionRate(events)).toEqual(expected);
  });

  it('times acceptance from the first submission, so a reject-and-resubmit loop counts', () => {
    const p = (handoffId: string) => ({ payload: { handoffId } });
    const events = [
      event('handoff_submitted', T0, p('h1')),
      event('handoff_rejected', T0 + days(1), p('h1')),
      event('handoff_submitted', T0 + days(2), p('h1')),
      event('handoff_accepted', T0 + days(3), p('h1')),
      event('handoff_submitted', T0, p('h2')),
      event('handoff_accepted', T0 + days(1), p('h2')),
      event('handoff_submitted', T0, p('h3')), // still waiting
      event('handoff_accepted', T0, p('h4')), // accepted without a recorded submission
      event('handoff_accepted', T0), // no hand-over id
    ];
    expect(timeToAccept(events)).toEqual({ accepted: 2, medianDays: 2 });
    expect(timeToAccept([])).toEqual({ accepted: 0, medianDays: null });
  });
});

describe('expansion-qualified account rate', () => {
  const exec = (clientId: string, lastEngagedAt?: number) => person(`${clientId}-x`, 'X', { clientId, roles: ['executive_sponsor'], lastEngagedAt });
  it.each([
    ['a signal and an engaged executive sponsor qualifies', [exec('a', T0 - days(5))], ['a'], ['a']],
    ['a signal without an engaged executive sponsor does not', [exec('a', T0 - days(90))], ['a'], []],
    ['an engaged executive sponsor without a signal does not', [exec('a', T0 - days(5))], [], []],
  ])('%s', (_, stakeholders, signalled, qualified) => {
    const events = signalled.map((clientId) => event('expansion_signal_detected', T0, { clientId }));
    const r = expansionQualifiedRate(['a', 'b'], stakeholders, events, T0);
    expect(r.qualifiedClientIds).toEqual(qualified);
    expect(r.rate).toBe(qualified.length / 2);
  });

  it('has no rate for an empty portfolio', () => {
    expect(expansionQualifiedRate([], [], [], T0).rate).toBeNull();
  });
});

describe('net revenue retention by cohort', () => {
  const signed = (clientId: string, at: number) => event('contract_signed', at, { clientId });
  const events = [signed('a', JAN), signed('b', JAN + days(3)), signed('c', JAN + days(4)), signed('d', FEB), signed('e', Date.UTC(2026, 0, 5))];
  const clients = [
    client({ id: 'a', revenue: { '2025-01': 100, '2026-01': 130 } }),
    client({ id: 'b', revenue: { '2025-01': 100, '2026-01': 70 } }),
    client({ id: 'c' }), // no figures imported: left out, never invented
    client({ id: 'd', revenue: { '2025-01': 50 } }), // no figure for the end month
    client({ id: 'e', revenue: { '2026-01': 80 } }), // signed this month: no start figure
    client({ id: 'f', revenue: { '2025-01': 10, '2026-01': 10 } }), // no contract_signed: no cohort
  ];

  it('divides end by start revenue over the clients with both figures', () => {
    expect(nrrByCohort(clients, events, '2026-01')).toEqual([
      { cohort: '2025-01', clients: 3, withFigures: 2, startRevenue: 200, endRevenue: 200, nrr: 1 },
      { cohort: '2025-02', clients: 1, withFigures: 0, startRevenue: 0, endRevenue: 0, nrr: null },
      { cohort: '2026-01', clients: 1, withFigures: 0, startRevenue: 0, endRevenue: 0, nrr: null },
    ]);
  });

  it('is null, not zero, when no revenue was imported', () => {
    const r = nrrByCohort([client({ id: 'a' })], [signed('a', JAN)], '2026-01');
    expect(r[0]!.nrr).toBeNull();
  });
});
