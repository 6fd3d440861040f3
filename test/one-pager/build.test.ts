import { describe, expect, it } from 'vitest';
import { buildOnePager, onePagerFileName, onePagerMarkdown } from '../../lib/one-pager/build';
import { T0, bundle, criterion, days, event, handoff, objective, signedBy, sponsors } from '../domain/builders';

const signed = T0 - days(60);

describe('the one-pager', () => {
  it('says there is no objective yet, and tells us what to do first', () => {
    const p = buildOnePager(bundle());
    expect(p.objective).toBeNull();
    expect(p.businessCase).toBeNull();
    expect(p.toConfirm).toEqual(['Write the shared objective on the client page or in the panel first.']);
    expect(onePagerMarkdown(p)).toBe('# Acme: shared objective\n\n_Prepared 2 Mar 2026. No shared objective has been written yet._\n\nNo shared objective has been written yet.\n');
  });

  it('writes a signed objective in the customer’s words, with dates instead of day numbers', () => {
    const o = objective({
      outcome: '70% weekly active usage across licensed seats by day 90',
      scope: ['Support team', ''],
      nonScope: ['Field service'],
      successCriteria: [
        criterion('Weekly active usage', { target: 70, unit: '%', dueDay: 90, current: 65 }),
        criterion('Time to resolve | P1', { target: 4, unit: 'hours', dueDay: 180, lowerIsBetter: true }),
        criterion('Outcomes documented'),
      ],
      decisionOwners: [{ area: 'Rollout order', stakeholderId: 'lee' }],
      signatures: signedBy(1, T0 - days(5)),
    });
    const p = buildOnePager(bundle({ objective: o, stakeholders: sponsors(), events: [event('contract_signed', signed)] }));
    expect(p.standing).toBe('Agreed and signed by all three sponsors (version 1).');
    expect(p.toConfirm).toEqual([]);
    const md = onePagerMarkdown(p);
    expect(md).toContain('## The outcome we are working toward\n\n70% weekly active usage across licensed seats by day 90\n');
    expect(md).toContain('## In scope\n\n- Support team\n\n## Not in scope\n\n- Field service\n');
    expect(md).toContain('| Weekly active usage | at least 70% | 1 Apr 2026 | 65% | On track |');
    expect(md).toContain('| Time to resolve \\| P1 | at most 4 hours | 30 Jun 2026 | — | On track |');
    expect(md).toContain('| Outcomes documented | to be set | to be set | — | Not measured yet |');
    expect(md).toContain('- **Rollout order**: Lee Park');
    expect(md).toContain('- Dana Ruiz, executive sponsor: version 1, 25 Feb 2026');
    expect(md).toContain('We review this page together every 30 days; next review 27 Mar 2026.');
    expect(md).not.toMatch(/hand-over|SLA|stakeholder id/i);
  });

  it('lists what to settle before sharing a draft, changed or overdue objective, and never prints it', () => {
    const p = buildOnePager(bundle({ objective: objective({ version: 3, createdAt: T0 - days(50), signatures: signedBy(2, T0 - days(40)).slice(0, 2) }), stakeholders: sponsors() }));
    expect(p.standing).toBe('Draft of version 3: changed since it was last signed, to be signed again.');
    expect(p.toConfirm).toEqual([
      'Signatures missing: operating owner.',
      'Version 3 has not been signed yet.',
      'The review was due 20 Feb 2026: confirm the goal still holds before sharing.',
    ]);
    expect(onePagerMarkdown(p)).not.toContain('Signatures missing');
  });

  it('adds the four questions for an expansion, answered from the record or left to agree together', () => {
    const expansion = handoff(
      { verified_use_case: { type: 'text', text: 'Support agents triage tickets in the shared inbox every morning' } },
      { kind: 'adoption_to_expansion' },
    );
    const p = buildOnePager(bundle({ objective: objective({ signatures: signedBy(1, T0 - days(5)) }), stakeholders: sponsors(), handoffs: [expansion] }));
    expect(p.title).toBe('Acme: shared objective and the case for the next step');
    expect(p.businessCase!.map((s) => s.heading)).toEqual([
      'Our goal, and whether it still holds',
      'Progress so far, and what remains',
      'How this next step builds on what we already run',
      'What success looks like, in our words',
    ]);
    expect(p.businessCase![2]!.lines).toEqual(['In use today: Support agents triage tickets in the shared inbox every morning']);
    expect(p.businessCase![3]!.lines).toEqual(['To be agreed together.']);
    expect(p.toConfirm).toContain('No stakeholder has said what success means, in their own words.');
    const md = onePagerMarkdown(p);
    expect(md).toContain('## The case for the next step\n\n### 1. Our goal, and whether it still holds\n\n- 70% weekly active usage');
    expect(md).toContain('### 4. What success looks like, in our words\n\n- To be agreed together.');
  });

  it('names the download after the client', () => {
    expect(onePagerFileName('Acme Corp — EMEA')).toBe('acme-corp-emea-one-pager.md');
    expect(onePagerFileName('!!!')).toBe('client-one-pager.md');
  });
});
