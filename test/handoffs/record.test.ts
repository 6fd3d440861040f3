import { describe, expect, it } from 'vitest';
import { findGaps } from '../../lib/domain/gaps';
import type { Handoff } from '../../lib/domain/schemas';
import { DEFAULT_TEMPLATES, defaultTemplate } from '../../lib/domain/templates';
import { closedWonGate, defaultHandoffKind, recordHandoff } from '../../lib/handoffs/record';
import { days, handoff, T0 } from '../domain/builders';

const h = (id: string, over: Partial<Handoff>) => handoff({}, { id, ...over });

describe('the hand-over a record shows', () => {
  const list = [
    h('old-close', { kind: 'close_to_onboarding', dealId: 'deal-1', createdAt: T0 - days(30) }),
    h('new-close', { kind: 'close_to_onboarding', dealId: 'deal-1', createdAt: T0 - days(2) }),
    h('other-deal', { kind: 'close_to_onboarding', dealId: 'deal-2', createdAt: T0 - days(1) }),
    h('no-deal', { kind: 'onboarding_to_adoption', createdAt: T0 - days(3) }),
  ];

  it.each<[string, Handoff['kind'], string | undefined, string | null]>([
    ['the newest of its kind for the deal', 'close_to_onboarding', 'deal-1', 'new-close'],
    ["never another deal's", 'close_to_onboarding', 'deal-3', null],
    ['one that belongs to no deal, on any deal', 'onboarding_to_adoption', 'deal-1', 'no-deal'],
    ['on an account, the newest of its kind', 'close_to_onboarding', undefined, 'other-deal'],
    ['none when there is none of that kind', 'adoption_to_expansion', undefined, null],
  ])('is %s', (_, kind, dealId, expected) => {
    expect(recordHandoff(list, kind, dealId)?.id ?? null).toBe(expected);
  });

  it.each<[string, Handoff[], boolean, Handoff['kind']]>([
    ['an opportunity opens on close → onboarding', [h('a', { kind: 'onboarding_to_adoption' })], true, 'close_to_onboarding'],
    ['an account opens on the newest one in flight', [h('a', { kind: 'onboarding_to_adoption', createdAt: T0 }), h('b', { kind: 'lead_to_opportunity', createdAt: T0 - days(1) })], false, 'onboarding_to_adoption'],
    ['an account skips accepted ones', [h('a', { kind: 'onboarding_to_adoption', status: 'accepted', createdAt: T0 }), h('b', { kind: 'lead_to_opportunity', createdAt: T0 - days(1) })], false, 'lead_to_opportunity'],
    ['an account with none in flight opens on close → onboarding', [], false, 'close_to_onboarding'],
  ])('%s', (_, handoffs, onDeal, expected) => {
    expect(defaultHandoffKind(handoffs, onDeal ? { id: 'deal-1' } : null)).toBe(expected);
  });
});

describe('the closed-won gate', () => {
  const base = { templates: DEFAULT_TEMPLATES, stakeholders: [], now: T0 };
  const required = findGaps(defaultTemplate('close_to_onboarding'), { values: {} }, { stakeholders: [], now: T0 }).filter((g) => g.required);

  it.each<[string, { deal: boolean; won: boolean | null; status?: Handoff['status'] }, boolean]>([
    ['opens when the deal shows a won stage and required fields are missing', { deal: true, won: true }, true],
    ['stays shut while the stage is not won', { deal: true, won: false }, false],
    ['stays shut when the page does not say whether the stage is won', { deal: true, won: null }, false],
    ['stays shut once the receiver accepted the hand-over', { deal: true, won: true, status: 'accepted' }, false],
    ['never opens on an account', { deal: false, won: true }, false],
  ])('%s', (_, c, open) => {
    const handoffs = c.status ? [h('close', { kind: 'close_to_onboarding', dealId: 'deal-1', status: c.status })] : [];
    const gate = closedWonGate({ ...base, deal: c.deal ? { id: 'deal-1' } : null, isWonStage: c.won, handoffs });
    expect(gate.open).toBe(open);
  });

  it('names every required field still missing, and only required ones', () => {
    const gate = closedWonGate({ ...base, deal: { id: 'deal-1' }, isWonStage: true, handoffs: [] });
    expect(required.length).toBeGreaterThan(0);
    expect(gate.gaps.map((g) => g.field)).toEqual(required.map((g) => g.field));
    expect(gate.gaps.every((g) => g.required)).toBe(true);
  });
});
