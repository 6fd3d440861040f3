import { describe, expect, it } from 'vitest';
import { completeness, findGaps } from '../../lib/domain/gaps';
import { HANDOFF_KINDS, handoffTemplateSchema, type HandoffKind } from '../../lib/domain/schemas';
import { DEFAULT_TEMPLATES, defaultTemplate, resolveTemplates } from '../../lib/domain/templates';
import { handoff, T0 } from './builders';

/** The payload DOMAIN.md names for each kind, as field keys. */
const PAYLOAD: Record<HandoffKind, string[]> = {
  lead_to_opportunity: ['demand_state_context', 'buying_motivation', 'content_consumed', 'icp_fit_signals'],
  opportunity_to_close: ['verified_use_case', 'integration_scope', 'technical_feasibility', 'technical_owner'],
  close_to_onboarding: [
    'verified_use_case',
    'executive_sponsor',
    'technical_owner',
    'success_criteria',
    'integration_scope',
    'stakeholder_map',
    'content_consumed',
    'buying_motivation',
    'contractual_commitments',
  ],
  onboarding_to_adoption: ['first_value_milestone', 'usage_telemetry', 'stakeholder_coverage'],
  adoption_to_expansion: ['expansion_signals', 'executive_sponsor_engaged', 'business_outcome_evidence', 'business_case'],
};

describe('default hand-over templates', () => {
  it('define one template per kind, in lifecycle order', () => {
    expect(DEFAULT_TEMPLATES.map((t) => t.kind)).toEqual([...HANDOFF_KINDS]);
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.kind, t] as const))('%s parses with handoffTemplateSchema', (_, t) => {
    expect(handoffTemplateSchema.parse(t)).toEqual(t);
  });

  it.each(Object.entries(PAYLOAD))('%s carries every payload field DOMAIN.md names', (kind, keys) => {
    expect(defaultTemplate(kind as HandoffKind).fields.map((f) => f.key)).toEqual(keys);
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.kind, t] as const))('%s: an empty hand-over has a gap for every required field', (_, t) => {
    const gaps = findGaps(t, handoff(), { stakeholders: [], now: T0 });
    expect(gaps.map((g) => g.field)).toEqual(t.fields.filter((f) => f.required).map((f) => f.key));
    expect(gaps.every((g) => g.kind === 'missing' && g.sentence.startsWith(`${g.label}: `))).toBe(true);
    expect(completeness(t, handoff(), { stakeholders: [], now: T0 })).toBe(0);
  });

  it.each([
    ['close_to_onboarding', 'executive_sponsor', { rule: 'person', role: 'executive_sponsor' }],
    ['close_to_onboarding', 'technical_owner', { rule: 'person', role: 'technical_owner' }],
    ['opportunity_to_close', 'technical_owner', { rule: 'person', role: 'technical_owner' }],
    ['close_to_onboarding', 'success_criteria', { rule: 'targets', min: 1 }],
    ['close_to_onboarding', 'stakeholder_map', { rule: 'stakeholderMap', minCustomer: 3 }],
    ['adoption_to_expansion', 'executive_sponsor_engaged', { rule: 'person', role: 'executive_sponsor', engagedWithinDays: 45 }],
    ['adoption_to_expansion', 'business_outcome_evidence', { rule: 'evidence', min: 2 }],
  ] as const)('%s.%s asks for more than presence', (kind, key, rule) => {
    expect(defaultTemplate(kind).fields.find((f) => f.key === key)?.acceptance).toEqual(rule);
  });

  it('asks every text field for a minimum number of words above one', () => {
    const texts = DEFAULT_TEMPLATES.flatMap((t) => t.fields).filter((f) => f.acceptance.rule === 'text');
    expect(texts.length).toBeGreaterThan(0);
    for (const f of texts) expect(f.acceptance.rule === 'text' && f.acceptance.minWords).toBeGreaterThanOrEqual(8);
  });

  it("completes a workspace's own templates with the defaults, its own winning", () => {
    const own = { ...defaultTemplate('close_to_onboarding'), slaBusinessDays: 5 };
    const all = resolveTemplates([own]);
    expect(all.map((t) => t.kind)).toEqual([...HANDOFF_KINDS]);
    expect(all[2]).toBe(own);
    expect(all[0]).toBe(DEFAULT_TEMPLATES[0]);
  });
});
