import { describe, expect, it } from 'vitest';
import type { ClientBundle } from '../../lib/domain/bundle';
import { findSignals, type SignalCode } from '../../lib/domain/signals';
import { DISAGREEMENT_THRESHOLD, jaccard, textSimilarity, wordSet } from '../../lib/domain/similarity';
import { bundle, days, decision, handoff, objective, person, signedBy, sponsors, T0 } from './builders';

const codes = (b: ClientBundle) => findSignals(b).map((s) => s.code);
const only = (b: ClientBundle, code: SignalCode) => findSignals(b).filter((s) => s.code === code);

/** A healthy client: three engaged, signed, aligned sponsors; nothing should fire. */
const healthy = (over: Partial<ClientBundle> = {}): ClientBundle =>
  bundle({
    stakeholders: sponsors().map((s) => ({ ...s, definitionOfSuccess: '70% weekly active usage across our licensed seats by day 90' })),
    objective: objective({ signatures: signedBy(1, T0 - days(5)) }),
    ...over,
  });

describe('text similarity for definitions of success', () => {
  it.each([
    ['identical texts', 'Weekly active usage of 70%', 'weekly active usage of 70%', 1],
    ['stopwords and plurals do not matter', 'The usage of the seats', 'usage across seat', 2 / 3],
    ['different topics', 'Cut time to hire by 20%', 'Replace the legacy ATS before renewal', 0],
  ])('%s', (_, a, b, expected) => {
    expect(textSimilarity(a, b)).toBeCloseTo(expected);
  });

  it('treats two empty texts as the same and is symmetric', () => {
    expect(jaccard(wordSet(''), wordSet('the of'))).toBe(1);
    expect(textSimilarity('usage of seats', 'seats and hiring')).toBe(textSimilarity('seats and hiring', 'usage of seats'));
  });
});

describe('findSignals', () => {
  it('finds nothing on a healthy client', () => {
    expect(findSignals(healthy())).toEqual([]);
  });

  it('1: names two stakeholders whose definitions of success disagree', () => {
    const [a, b, c] = sponsors();
    const s = only(
      healthy({
        stakeholders: [
          { ...a!, definitionOfSuccess: '70% weekly active usage across licensed seats by day 90' },
          { ...b!, definitionOfSuccess: 'Cut time to hire by 20% this year' },
          { ...c!, definitionOfSuccess: '70% weekly active usage across licensed seats' },
        ],
      }),
      'definitions_disagree',
    );
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ signal: 1, title: 'Stakeholders give different definitions of success' });
    expect(s[0]!.fact).toContain('Lee Park says “Cut time to hire by 20% this year”');
    expect(s[0]!.fact).toContain('0% word overlap (1 other pair disagrees too)');
  });

  it('1: names a stakeholder whose definition differs from the objective outcome', () => {
    const [a, b, c] = sponsors();
    const s = only(healthy({ stakeholders: [a!, { ...b!, definitionOfSuccess: 'Replace the legacy ATS before renewal' }, c!] }), 'definition_differs_from_objective');
    expect(s[0]?.fact).toBe(
      'The objective says “70% weekly active usage across licensed seats by day 90”; Lee Park (“Replace the legacy ATS before renewal”) defines success differently.',
    );
  });

  it('1: stays quiet when definitions overlap above the threshold', () => {
    expect(DISAGREEMENT_THRESHOLD).toBe(0.2);
    const [a, b, c] = sponsors();
    const b2 = { ...b!, definitionOfSuccess: 'weekly active usage of licensed seats' };
    expect(codes(healthy({ stakeholders: [a!, b2, c!] }))).toEqual([]);
  });

  it.each<[string, Partial<ClientBundle>, string | null]>([
    [
      'the executive sponsor has not signed',
      { objective: objective({ signatures: signedBy(1, T0 - days(5)).slice(1) }) },
      'Lee Park is the project sponsor; the executive sponsor Dana Ruiz has not signed the objective.',
    ],
    ['there is no objective yet', { objective: undefined }, 'Lee Park is the project sponsor; the executive sponsor Dana Ruiz has not signed an objective (there is none yet).'],
    [
      'no executive sponsor is named',
      { stakeholders: sponsors().slice(1), objective: objective({ signatures: signedBy(1, T0 - days(5)).slice(1) }) },
      'Lee Park is the project sponsor and no executive sponsor is named, so nobody has signed for the executive.',
    ],
    ['the executive sponsor has signed', {}, null],
    [
      'the project sponsor is also the executive sponsor',
      {
        stakeholders: sponsors().map((s) => (s.id === 'lee' ? { ...s, roles: ['project_sponsor', 'executive_sponsor'] } : s)),
        objective: objective(),
      },
      null,
    ],
  ])('2: when %s', (_, over, fact) => {
    const s = only(healthy(over), 'sponsor_not_signed');
    if (fact === null) expect(s).toEqual([]);
    else expect(s).toEqual([{ signal: 2, code: 'sponsor_not_signed', title: expect.any(String), fact }]);
  });

  it.each<[string, number, boolean]>([
    ['the same day', 0.2, true],
    ['4 days later', 4, true],
    ['exactly 7 days later', 7, true],
    ['8 days later', 8, false],
  ])('3: a decision reopened %s is a signal: %s', (_, after, fires) => {
    const a = decision('d1', 'Use SSO for all users', T0 - days(10));
    const b = decision('d2', 'Keep passwords for contractors', T0 - days(10) + days(after), { reopens: 'd1' });
    const s = only(healthy({ decisions: [a, b] }), 'decision_reopened');
    expect(s.length).toBe(fires ? 1 : 0);
    if (after === 4) {
      expect(s[0]!.fact).toBe('“Use SSO for all users” (decided 2026-02-20) was reopened 4 days later by “Keep passwords for contractors” (2026-02-24).');
    }
  });

  it('3: ignores a reopen of a decision it cannot find', () => {
    expect(codes(healthy({ decisions: [decision('d2', 'B', T0, { reopens: 'gone' })] }))).toEqual([]);
  });

  it('4: states why a rejected hand-over was rejected, with field labels', () => {
    const h = handoff({}, {
      status: 'rejected',
      rejectedAt: T0 - days(1),
      rejection: {
        reasons: [{ field: 'success_criteria', reason: 'no numeric target' }],
        fields: ['success_criteria'],
        at: T0 - days(1),
        by: 'Sam (CS)',
        valuesAtRejection: {},
      },
    });
    expect(only(healthy({ handoffs: [h] }), 'handoff_rejected')[0]?.fact).toBe(
      'The close to onboarding hand-over was rejected on 2026-03-01 by Sam (CS): Success criteria — no numeric target.',
    );
  });

  it.each<[string, string, string, boolean]>([
    ['Thursday, SLA 2, now Monday 09:00 (deadline Monday 10:00)', '2026-02-26T10:00:00Z', '2026-03-02T09:00:00Z', false],
    ['Thursday, SLA 2, now Monday 11:00', '2026-02-26T10:00:00Z', '2026-03-02T11:00:00Z', true],
    ['Friday, SLA 2, now Monday (the weekend does not count)', '2026-02-27T10:00:00Z', '2026-03-02T11:00:00Z', false],
    ['Monday, SLA 2, now Friday', '2026-02-23T10:00:00Z', '2026-02-27T10:00:00Z', true],
  ])('4: a hand-over submitted %s is unanswered past its SLA: %s', (_, submitted, now, fires) => {
    const h = handoff({}, { status: 'submitted', submittedAt: Date.parse(submitted), slaBusinessDays: 2 });
    expect(only(healthy({ handoffs: [h], now: Date.parse(now) }), 'handoff_overdue').length).toBe(fires ? 1 : 0);
  });

  it('4: says how long an overdue hand-over has waited and on whom', () => {
    const h = handoff({}, { status: 'submitted', submittedAt: Date.parse('2026-02-23T10:00:00Z'), slaBusinessDays: 2 });
    expect(only(healthy({ handoffs: [h] }), 'handoff_overdue')[0]?.fact).toBe(
      'The close to onboarding hand-over submitted 2026-02-23 is unanswered after 4 business days (SLA 2); waiting on Sam (CS).',
    );
  });

  it('4: accepted and draft hand-overs are never overdue', () => {
    const old = Date.parse('2026-01-05T10:00:00Z');
    const hs = [handoff({}, { status: 'accepted', submittedAt: old }), handoff({}, { status: 'draft', submittedAt: old })];
    expect(codes(healthy({ handoffs: hs }))).toEqual([]);
  });

  it.each<[string, ClientBundle['stakeholders'], string | null]>([
    ['two engaged high-influence stakeholders', sponsors(), null],
    ['only one engaged', sponsors().map((s) => (s.id === 'lee' ? { ...s, lastEngagedAt: T0 - days(60) } : s)), 'Only Dana Ruiz among high-influence stakeholders was engaged in the last 45 days.'],
    ['none engaged', sponsors().map((s) => ({ ...s, lastEngagedAt: undefined })), 'No high-influence stakeholder was engaged in the last 45 days.'],
  ])('5: single-thread risk with %s', (_, stakeholders, fact) => {
    const s = only(healthy({ stakeholders }), 'single_thread');
    expect(s.map((x) => x.fact)).toEqual(fact ? [fact] : []);
  });

  it('5: names a blocker with high influence, and not one with low influence', () => {
    const stakeholders = [
      ...sponsors(),
      person('sam', 'Sam Ortiz', { title: 'CFO', influence: 'high', stance: 'against' }),
      person('pat', 'Pat Lin', { influence: 'low', stance: 'against' }),
    ];
    expect(only(healthy({ stakeholders }), 'high_influence_blocker').map((s) => s.fact)).toEqual(['Sam Ortiz (CFO) has high influence and is against.']);
  });

  it.each<[string, Parameters<typeof objective>[0], SignalCode[], string[]]>([
    ['changed since signed', { version: 2, signatures: signedBy(1, T0 - days(5)) }, ['changed_since_signed'], [
      'The objective is at version 2; Dana Ruiz (executive sponsor) signed version 1, Lee Park (project sponsor) signed version 1, Kim Wu (operating owner) signed version 1.',
    ]],
    ['review overdue', { createdAt: T0 - days(60), signatures: signedBy(1, T0 - days(42)) }, ['review_overdue'], ['The 30-day review was due 2026-02-18, 12 days ago.']],
    ['both', { version: 3, createdAt: T0 - days(60), signatures: signedBy(3, T0 - days(42)).map((g, i) => (i === 0 ? { ...g, version: 2 } : g)) }, ['changed_since_signed', 'review_overdue'], [
      'The objective is at version 3; Dana Ruiz (executive sponsor) signed version 2.',
      'The 30-day review was due 2026-02-18, 12 days ago.',
    ]],
  ])('6: the objective %s', (_, over, expectedCodes, facts) => {
    const s = findSignals(healthy({ objective: objective(over) })).filter((x) => x.signal === 6);
    expect(s.map((x) => x.code)).toEqual(expectedCodes);
    expect(s.map((x) => x.fact)).toEqual(facts);
  });

  it('returns signals in signal order, each with its number, title and fact', () => {
    const s = findSignals(bundle({ stakeholders: sponsors().slice(1), objective: objective({ version: 2, signatures: signedBy(1, T0 - days(5)).slice(1) }) }));
    expect(s.map((x) => x.signal)).toEqual([...s.map((x) => x.signal)].sort());
    expect(s.every((x) => x.title && x.fact)).toBe(true);
  });
});
