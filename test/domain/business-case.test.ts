import { describe, expect, it } from 'vitest';
import { BUSINESS_CASE_QUESTIONS, businessCase } from '../../lib/domain/business-case';
import type { ClientBundle } from '../../lib/domain/bundle';
import { bundle, criterion, days, event, handoff, objective, signedBy, sponsors, T0 } from './builders';

const complete = (): ClientBundle =>
  bundle({
    stakeholders: sponsors().map((s) => (s.id === 'dana' ? { ...s, definitionOfSuccess: 'Recruiters spend their time interviewing, not scheduling' } : s)),
    objective: objective({
      outcome: '70% weekly active usage across licensed seats by day 90',
      signatures: signedBy(1, T0 - days(5)),
      successCriteria: [
        criterion('Weekly active usage', { target: 70, unit: '%', dueDay: 90, current: 72 }),
        criterion('Documented business outcomes', { target: 2, dueDay: 180, current: 1 }),
      ],
    }),
    events: [event('contract_signed', T0 - days(100))],
    handoffs: [
      handoff({ verified_use_case: { type: 'text', text: 'Recruiters schedule interviews from the ATS' } }),
      handoff(
        { business_outcome_evidence: { type: 'evidence', items: [{ text: 'Time to schedule down 40%', source: 'QBR 2026-02' }] } },
        { kind: 'adoption_to_expansion' },
      ),
    ],
  });

describe('businessCase', () => {
  it('asks the four questions in order', () => {
    expect(businessCase(bundle()).map((a) => a.question)).toEqual([...BUSINESS_CASE_QUESTIONS]);
  });

  it('answers all four from a complete record', () => {
    const [goal, progress, advance, success] = businessCase(complete());
    expect(goal).toMatchObject({ answered: true, missing: [] });
    expect(goal!.answer[0]).toBe('70% weekly active usage across licensed seats by day 90');
    expect(goal!.answer[1]).toContain('Dana Ruiz (executive sponsor, version 1)');
    expect(progress).toMatchObject({ answered: true });
    expect(progress!.answer).toEqual([
      '1 of 2 criteria met; 1 remaining.',
      'Weekly active usage: at least 70% by day 90: now 72% — met.',
      'Documented business outcomes: at least 2 by day 180: now 1 — at risk.',
    ]);
    expect(advance).toEqual({
      question: BUSINESS_CASE_QUESTIONS[2],
      answered: true,
      answer: ['Use case they run: Recruiters schedule interviews from the ATS', 'Evidence: Time to schedule down 40% (QBR 2026-02)'],
      missing: [],
    });
    expect(success!.answered).toBe(true);
    expect(success!.answer[0]).toBe('Dana Ruiz (executive sponsor): “Recruiters spend their time interviewing, not scheduling”');
  });

  it('says what is missing from an empty record, answering nothing', () => {
    const answers = businessCase(bundle());
    expect(answers.map((a) => a.answered)).toEqual([false, false, false, false]);
    expect(answers.map((a) => a.missing)).toEqual([
      ['There is no shared objective with an outcome yet.'],
      ['The objective has no success criteria to measure progress by.'],
      ['No hand-over records a verified use case.', 'No business-outcome evidence or expansion signal is documented.'],
      ['No stakeholder has said what success means, in their own words.', 'No success criterion with a numeric target.'],
    ]);
  });

  it.each<[string, (b: ClientBundle) => ClientBundle, number, string]>([
    ['an unsigned objective is not confirmed', (b) => ({ ...b, objective: { ...b.objective!, signatures: [] } }), 0, 'Not yet signed by the executive sponsor, project sponsor, operating owner.'],
    [
      'an overdue review means the goal may not be current',
      (b) => ({ ...b, objective: { ...b.objective!, createdAt: T0 - days(90), signatures: signedBy(1, T0 - days(40)) } }),
      0,
      'Not confirmed as current: the review was due 2026-02-20, 10 days ago.',
    ],
    ['an edited objective is not what was signed', (b) => ({ ...b, objective: { ...b.objective!, version: 2 } }), 0, 'Changed since it was signed: it is at version 2, signed at version 1.'],
    [
      'a criterion without a target cannot show progress',
      (b) => ({ ...b, objective: { ...b.objective!, successCriteria: [criterion('NPS', { dueDay: 90 })] } }),
      1,
      '“NPS” has no numeric target.',
    ],
    ['no evidence of outcomes', (b) => ({ ...b, handoffs: b.handoffs.slice(0, 1) }), 2, 'No business-outcome evidence or expansion signal is documented.'],
    [
      "the sponsor's own words are missing",
      (b) => ({ ...b, stakeholders: sponsors().map((s) => (s.id === 'lee' ? { ...s, definitionOfSuccess: 'Fewer no-shows' } : s)) }),
      3,
      "The executive sponsor's definition of success is not recorded.",
    ],
  ])('%s', (_, change, question, missing) => {
    const a = businessCase(change(complete()))[question]!;
    expect(a.answered).toBe(false);
    expect(a.missing).toContain(missing);
  });
});
