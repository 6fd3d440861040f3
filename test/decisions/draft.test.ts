import { describe, expect, it } from 'vitest';
import {
  emptyDraft,
  fromLocalInput,
  resolveOwner,
  resolveParticipants,
  suggestOwners,
  toLocalInput,
  validateDraft,
  type DecisionDraft,
  type PeopleDirectory,
} from '../../lib/decisions/draft';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const dir: PeopleDirectory = {
  stakeholders: [
    { id: 's1', name: 'Dana Whitfield', email: 'dana@client.com', title: 'COO', roles: ['executive_sponsor'] },
    { id: 's2', name: 'Raj Patel', title: 'IT lead', roles: ['technical_owner'] },
    { id: 's3', name: 'Danielle Ortiz', title: 'Ops', roles: [] },
  ],
  teammates: [{ name: 'Sam Rep', email: 'sam@us.com' }, { name: 'Chris CSM' }],
};
const draft = (over: Partial<DecisionDraft>): DecisionDraft => ({ ...emptyDraft(NOW), ...over });

describe('owner resolution', () => {
  it.each([
    ['an exact stakeholder name, in any case', 'dana whitfield', { kind: 'stakeholder', stakeholderId: 's1' }],
    ["a stakeholder's email", 'DANA@client.com', { kind: 'stakeholder', stakeholderId: 's1' }],
    ['the only person whose name starts with the text', 'Raj', { kind: 'stakeholder', stakeholderId: 's2' }],
    ['the only person with a word starting with the text', 'patel', { kind: 'stakeholder', stakeholderId: 's2' }],
    ['a teammate by name', 'chris csm', { kind: 'member', name: 'Chris CSM' }],
    ['a teammate by email prefix', 'sam@', { kind: 'member', name: 'Sam Rep', email: 'sam@us.com' }],
    ['an ambiguous prefix as a new name, never a silent pick', 'Dan', { kind: 'member', name: 'Dan' }],
    ['an unknown name as one of our people', 'Alex New', { kind: 'member', name: 'Alex New' }],
    ['an email as a person named from it', 'lee.park@us.com', { kind: 'member', name: 'Lee Park', email: 'lee.park@us.com' }],
    ['"Name <email>" as that person', 'Lee <lee@us.com>', { kind: 'member', name: 'Lee', email: 'lee@us.com' }],
  ])('resolves %s', (_, text, expected) => {
    expect(resolveOwner(text, dir)).toMatchObject(expected);
  });

  it('resolves empty text to no owner', () => {
    expect(resolveOwner('   ', dir)).toBeNull();
  });

  it('suggests stakeholders before teammates and the best match first', () => {
    expect(suggestOwners('dan', dir).map((s) => s.label)).toEqual(['Dana Whitfield', 'Danielle Ortiz']);
    expect(suggestOwners('', dir).map((s) => s.label)).toEqual(['Dana Whitfield', 'Raj Patel', 'Danielle Ortiz', 'Sam Rep', 'Chris CSM']);
    expect(suggestOwners('', dir)[0]!.detail).toBe('Executive sponsor · COO');
  });

  it('splits participants on commas and semicolons and drops duplicates', () => {
    expect(resolveParticipants('Raj, dana@client.com; Dana Whitfield,  , Chris CSM', dir)).toEqual([
      { kind: 'stakeholder', stakeholderId: 's2', name: 'Raj Patel' },
      { kind: 'stakeholder', stakeholderId: 's1', name: 'Dana Whitfield' },
      { kind: 'member', name: 'Chris CSM' },
    ]);
  });
});

describe('form validation', () => {
  const ok = { title: 'Go live moves to 1 March', ownerText: 'Raj' };
  it.each<[string, Partial<DecisionDraft>, Record<string, string>]>([
    ['requires a title', { ...ok, title: '   ' }, { title: 'Give the decision a title.' }],
    ['limits the title to 200 characters', { ...ok, title: 'x'.repeat(201) }, { title: 'Keep the title under 200 characters (201 now).' }],
    ['requires an owner', { ...ok, ownerText: '' }, { owner: 'Name who owns this decision.' }],
    ['rejects an owner that is a broken email', { ...ok, ownerText: 'zed@nowhere' }, { owner: 'That email address does not look right.' }],
    ['limits the text to 5,000 characters', { ...ok, text: 'y'.repeat(5001) }, { text: 'Keep the text under 5,000 characters.' }],
    ['rejects a participant that is a broken email', { ...ok, participantsText: 'Raj, lee@nowhere' }, { participants: '“lee@nowhere” is not an email address.' }],
    ['rejects a decided-at that is not a date', { ...ok, decidedAt: '' }, { decidedAt: 'Enter the date and time it was decided.' }],
    ['rejects a decided-at in the future', { ...ok, decidedAt: toLocalInput(NOW + 3_600_000) }, { decidedAt: 'A decision cannot be made in the future.' }],
    ['rejects 31 February', { ...ok, decidedAt: '2026-02-31T10:00' }, { decidedAt: 'Enter the date and time it was decided.' }],
  ])('%s', (_, over, errors) => {
    const r = validateDraft(draft(over), dir, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(errors);
  });

  it('accepts a title and an owner alone, decided now in a meeting', () => {
    const r = validateDraft(draft(ok), dir, NOW);
    expect(r).toEqual({
      ok: true,
      value: {
        title: 'Go live moves to 1 March',
        text: '',
        owner: { kind: 'stakeholder', stakeholderId: 's2', name: 'Raj Patel' },
        participants: [],
        source: 'meeting',
        decidedAt: fromLocalInput(toLocalInput(NOW)),
      },
    });
  });

  it('prefers the picked suggestion over the typed text', () => {
    const r = validateDraft(draft({ ...ok, ownerText: 'Dan', ownerPick: { kind: 'stakeholder', stakeholderId: 's3' } }), dir, NOW);
    expect(r.ok && r.value.owner).toEqual({ kind: 'stakeholder', stakeholderId: 's3' });
  });

  it('accepts a decided-at a few minutes ahead (another clock) and collapses spaces in the title', () => {
    const r = validateDraft(draft({ ...ok, title: '  Pilot   first ', decidedAt: toLocalInput(NOW + 2 * 60_000) }), dir, NOW);
    expect(r.ok && r.value.title).toBe('Pilot first');
  });

  it('round-trips datetime-local values to the minute', () => {
    const at = Date.UTC(2026, 2, 2, 9, 30);
    expect(fromLocalInput(toLocalInput(at))).toBe(at);
    expect(fromLocalInput('not a date')).toBeNull();
  });
});
