import { describe, expect, it } from 'vitest';
import { criterionStatus, objectiveStatus, type CriterionStatus, type ObjectiveStatusInfo } from '../../lib/domain/objective';
import type { Criterion, Objective } from '../../lib/domain/schemas';
import { criterion, days, objective, signedBy, T0 } from './builders';

describe('objectiveStatus', () => {
  const fresh = T0 - days(5);
  it.each<[string, Partial<Objective>, Partial<ObjectiveStatusInfo>]>([
    [
      'nobody has signed: draft',
      {},
      { status: 'draft', draft: true, changedSinceSigned: false, reviewOverdue: false, signedVersion: null, missingSigners: ['executive_sponsor', 'project_sponsor', 'operating_owner'] },
    ],
    [
      'two of three have signed: still draft, naming who is missing',
      { signatures: signedBy(1, fresh).slice(0, 2) },
      { status: 'draft', missingSigners: ['operating_owner'], signedVersion: null },
    ],
    ['all three signed the current version: signed', { signatures: signedBy(1, fresh) }, { status: 'signed', draft: false, signedVersion: 1, missingSigners: [] }],
    [
      'edited after signing: changed since signed',
      { version: 2, signatures: signedBy(1, fresh) },
      { status: 'changed_since_signed', changedSinceSigned: true, signedVersion: 1 },
    ],
    [
      'one signer behind the others is enough to be changed since signed',
      { version: 2, signatures: [...signedBy(2, fresh).slice(0, 2), { role: 'operating_owner', stakeholderId: 'kim', version: 1, at: fresh }] },
      { status: 'changed_since_signed', signedVersion: 1 },
    ],
    [
      'a re-signature of the new version counts, not the old one',
      { version: 2, signatures: [...signedBy(1, fresh - days(1)), ...signedBy(2, fresh)] },
      { status: 'signed', signedVersion: 2, changedSinceSigned: false },
    ],
    [
      'partly signed, then edited: draft and changed, changed is more urgent',
      { version: 3, signatures: signedBy(2, fresh).slice(0, 1) },
      { status: 'changed_since_signed', draft: true, changedSinceSigned: true },
    ],
    [
      'signed 40 days ago with a 30-day cadence: review overdue by 10 days',
      { createdAt: T0 - days(60), signatures: signedBy(1, T0 - days(40)) },
      { status: 'review_overdue', reviewOverdue: true, overdueByDays: 10, reviewDueAt: T0 - days(10) },
    ],
    [
      'a review after signing restarts the cadence',
      { createdAt: T0 - days(60), signatures: signedBy(1, T0 - days(40)), lastReviewedAt: T0 - days(2) },
      { status: 'signed', reviewOverdue: false, overdueByDays: 0, reviewDueAt: T0 + days(28) },
    ],
    [
      'changed and overdue: both flags hold, status is changed since signed',
      { createdAt: T0 - days(90), version: 2, signatures: signedBy(1, T0 - days(80)) },
      { status: 'changed_since_signed', changedSinceSigned: true, reviewOverdue: true, overdueByDays: 50 },
    ],
    [
      'a draft older than its cadence is overdue from its creation',
      { createdAt: T0 - days(45), reviewCadenceDays: 14 },
      { status: 'review_overdue', draft: true, reviewOverdue: true, overdueByDays: 31 },
    ],
    ['due exactly now is not yet overdue', { createdAt: T0 - days(30) }, { status: 'draft', reviewOverdue: false, overdueByDays: 0 }],
  ])('%s', (_, over, expected) => {
    expect(objectiveStatus(objective(over), T0)).toMatchObject(expected);
  });

  it('lists the latest signature of each role, in signer order', () => {
    const st = objectiveStatus(objective({ version: 2, signatures: [...signedBy(2, T0 - days(1)).reverse(), ...signedBy(1, T0 - days(9))] }), T0);
    expect(st.signedBy.map((s) => [s.role, s.version])).toEqual([
      ['executive_sponsor', 2],
      ['project_sponsor', 2],
      ['operating_owner', 2],
    ]);
  });
});

describe('criterionStatus', () => {
  // Contract signed 45 days ago; a day-90 criterion is half-way: the linear expectation is 50% of the target.
  const signed = T0 - days(45);
  const wau = (over: Partial<Criterion>) => criterion('Weekly active usage', { target: 70, unit: '%', dueDay: 90, ...over });
  const ttr = (current: number | undefined) => criterion('Time to resolve', { target: 4, unit: 'h', dueDay: 90, lowerIsBetter: true, current });

  it.each<[string, Criterion, number | undefined, CriterionStatus, string?]>([
    ['current reaches the target: met', wau({ current: 70 }), signed, 'met'],
    ['current beyond the target: met', wau({ current: 85 }), signed, 'met'],
    ['met even when past due', wau({ current: 70, dueDay: 30 }), signed, 'met'],
    ['at the linear expectation: on track', wau({ current: 35 }), signed, 'on_track'],
    ['behind, but at 70% of expected or more: at risk', wau({ current: 30 }), signed, 'at_risk'],
    ['exactly 70% of expected: at risk', wau({ current: 24.5 }), signed, 'at_risk'],
    ['below 70% of expected: off track', wau({ current: 20 }), signed, 'off_track'],
    ['no current value, not yet due: on track', wau({}), signed, 'on_track'],
    ['no current value, past due: off track', wau({ dueDay: 30 }), signed, 'off_track'],
    ['past due and not met: off track however close', wau({ dueDay: 30, current: 69 }), signed, 'off_track'],
    ['before the contract starts: on track', wau({ current: 0 }), T0 + days(3), 'on_track'],
    ['lower is better, under the ceiling: met', ttr(3), signed, 'met'],
    ['lower is better, twice the ceiling half-way: on track', ttr(8), signed, 'on_track'],
    ['lower is better, 2.5× the ceiling half-way: at risk', ttr(10), signed, 'at_risk'],
    ['lower is better, 3× the ceiling half-way: off track', ttr(12), signed, 'off_track'],
    ['no numeric target: unknown, said why', criterion('NPS', { dueDay: 90, current: 30 }), signed, 'unknown', 'no numeric target'],
    ['no due day and not met: unknown', wau({ dueDay: undefined, current: 10 }), signed, 'unknown', 'no due day'],
    ['no due day but met: met', wau({ dueDay: undefined, current: 75 }), signed, 'met'],
    ['no contract date: unknown', wau({ current: 10 }), undefined, 'unknown', 'no contract_signed date to count the due day from'],
  ])('%s', (_, c, contractSignedAt, status, reason) => {
    const p = criterionStatus(c, contractSignedAt, T0);
    expect(p.status).toBe(status);
    if (reason) expect(p.reason).toBe(reason);
  });

  it('reports the due date, the expected share and the progress it compared', () => {
    expect(criterionStatus(wau({ current: 30 }), signed, T0)).toEqual({
      status: 'at_risk',
      dueAt: signed + days(90),
      expected: 0.5,
      progress: 30 / 70,
    });
  });

  it('does not crash on a criterion with a target of zero', () => {
    expect(criterionStatus(wau({ target: 0, current: -1 }), signed, T0).status).toBe('off_track');
    expect(criterionStatus(wau({ target: 0, current: 0 }), signed, T0).status).toBe('met');
  });
});
