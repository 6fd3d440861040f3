import { describe, expect, it } from 'vitest';
import { stakeholderSchema, type Stakeholder } from '../../lib/domain/schemas';
import { coverage, isDecisionMaker, isEngaged, missingRoles, highInfluenceBlockers, quadrant, type Quadrant } from '../../lib/domain/stakeholders';
import { describeIssues } from '../../lib/domain/zod-issues';
import { days, person, T0 } from './builders';

describe('quadrant', () => {
  it.each<[Stakeholder['influence'], Stakeholder['stance'], Quadrant]>([
    ['high', 'pro', 'champion'],
    ['high', 'neutral', 'mobilizer'],
    ['low', 'pro', 'supporter'],
    ['low', 'neutral', 'bystander'],
    ['high', 'against', 'blocker'],
    ['low', 'against', 'blocker'],
    [undefined, 'against', 'blocker'],
    [undefined, 'pro', 'unrated'],
    ['high', undefined, 'unrated'],
    [undefined, undefined, 'unrated'],
  ])('influence %s and stance %s is a %s', (influence, stance, q) => {
    expect(quadrant({ influence, stance })).toBe(q);
  });
});

describe('a stakeholder row with an unknown stance', () => {
  it('is a zod error that names the path, not a crash', () => {
    const row = { id: 's1', clientId: 'c1', name: 'Dana', stance: 'hostile', influence: 'medium', createdAt: T0 };
    const r = stakeholderSchema.safeParse(row);
    expect(r.success).toBe(false);
    const issues = describeIssues(r.error!.issues, row);
    expect(issues).toContainEqual({ path: 'stance', message: 'expected one of "pro", "neutral", "against"; got "hostile"' });
    expect(issues).toContainEqual({ path: 'influence', message: 'expected one of "high", "low"; got "medium"' });
  });
});

describe('decision-makers and engagement', () => {
  it.each<[string, Partial<Stakeholder>, boolean]>([
    ['high influence, no role', { influence: 'high' }, true],
    ['low influence executive sponsor', { influence: 'low', roles: ['executive_sponsor'] }, true],
    ['unrated economic buyer', { roles: ['economic_buyer'] }, true],
    ['unrated technical owner', { roles: ['technical_owner'] }, true],
    ['low influence champion role', { influence: 'low', roles: ['champion'] }, false],
    ['low influence user', { influence: 'low', roles: ['user'] }, false],
  ])('%s: decision-maker is %s', (_, over, expected) => {
    expect(isDecisionMaker(person('x', 'X', over))).toBe(expected);
  });

  it.each<[string, number | undefined, number, boolean]>([
    ['engaged today', T0, 45, true],
    ['engaged exactly 45 days ago', T0 - days(45), 45, true],
    ['engaged 46 days ago', T0 - days(46), 45, false],
    ['engaged 20 days ago with a 14-day window', T0 - days(20), 14, false],
    ['never engaged', undefined, 45, false],
    ['engagement stamped in the future (clock skew)', T0 + days(1), 45, true],
  ])('%s: engaged is %s', (_, lastEngagedAt, within, expected) => {
    expect(isEngaged({ lastEngagedAt }, T0, within)).toBe(expected);
  });
});

describe('coverage', () => {
  const recent = T0 - days(10);
  const old = T0 - days(90);
  it.each<[string, Stakeholder[], { engaged: number; total: number; ratio: number; singleThreadRisk: boolean }]>([
    ['no stakeholders: nothing covered, single thread', [], { engaged: 0, total: 0, ratio: 0, singleThreadRisk: true }],
    [
      'two of four decision-makers engaged; users do not count',
      [
        person('a', 'A', { influence: 'high', lastEngagedAt: recent }),
        person('b', 'B', { influence: 'high', lastEngagedAt: recent }),
        person('c', 'C', { roles: ['technical_owner'], lastEngagedAt: old }),
        person('d', 'D', { influence: 'high' }),
        person('u', 'U', { influence: 'low', roles: ['user'], lastEngagedAt: recent }),
      ],
      { engaged: 2, total: 4, ratio: 0.5, singleThreadRisk: false },
    ],
    [
      'one engaged high-influence stakeholder is a single thread, however many low ones',
      [
        person('a', 'A', { influence: 'high', lastEngagedAt: recent }),
        person('b', 'B', { influence: 'low', roles: ['operating_owner'], lastEngagedAt: recent }),
        person('c', 'C', { influence: 'low', roles: ['project_sponsor'], lastEngagedAt: recent }),
      ],
      { engaged: 3, total: 3, ratio: 1, singleThreadRisk: true },
    ],
  ])('%s', (_, stakeholders, expected) => {
    expect(coverage(stakeholders, T0)).toMatchObject(expected);
  });

  it('honours a custom engagement window', () => {
    const s = [person('a', 'A', { influence: 'high', lastEngagedAt: T0 - days(30) })];
    expect(coverage(s, T0).ratio).toBe(1);
    expect(coverage(s, T0, 14).ratio).toBe(0);
  });

  it.each<[string, Stakeholder[], string[]]>([
    ['nobody mapped', [], ['executive_sponsor', 'project_sponsor', 'operating_owner', 'technical_owner']],
    [
      'one person holding two roles covers both',
      [person('a', 'A', { roles: ['executive_sponsor', 'project_sponsor'] }), person('b', 'B', { roles: ['technical_owner'] })],
      ['operating_owner'],
    ],
    ['an economic buyer is not an executive sponsor', [person('a', 'A', { roles: ['economic_buyer'] })], ['executive_sponsor', 'project_sponsor', 'operating_owner', 'technical_owner']],
  ])('missing roles: %s', (_, stakeholders, roles) => {
    expect(missingRoles(stakeholders)).toEqual(roles);
    expect(coverage(stakeholders, T0).missingRoles).toEqual(roles);
  });

  it('lists only high-influence stakeholders who are against as high-influence blockers', () => {
    const s = [
      person('a', 'A', { influence: 'high', stance: 'against' }),
      person('b', 'B', { influence: 'low', stance: 'against' }),
      person('c', 'C', { influence: 'high', stance: 'neutral' }),
    ];
    expect(highInfluenceBlockers(s).map((x) => x.id)).toEqual(['a']);
    expect(coverage(s, T0).highInfluenceBlockers.map((x) => x.id)).toEqual(['a']);
  });
});
