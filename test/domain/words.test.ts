import { describe, expect, it } from 'vitest';
import { FORMER_STAKEHOLDER, ownerName, stakeholderNames } from '../../lib/domain/people';
import { formatDay, handoffKindLabel, pct, plural, relativeTime, roleLabel, roleName } from '../../lib/domain/words';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const H = 3_600_000;

describe('the words the product uses', () => {
  it.each<[string, string]>([
    ['close_to_onboarding', 'Close → onboarding'],
    ['adoption_to_expansion', 'Adoption → expansion'],
  ])('names the hand-over kind %s "%s"', (kind, label) => {
    expect(handoffKindLabel(kind as never)).toBe(label);
  });

  it.each<[string, string, string]>([
    ['executive_sponsor', 'executive sponsor', 'Executive sponsor'],
    ['operating_owner', 'operating owner', 'Operating owner'],
    ['champion', 'champion', 'Champion'],
  ])('says %s as "%s" in a sentence and "%s" as a label', (role, inSentence, asLabel) => {
    expect(roleName(role)).toBe(inSentence);
    expect(roleLabel(role)).toBe(asLabel);
  });

  it.each<[number, string, string | undefined, string]>([
    [0, 'client', undefined, '0 clients'],
    [1, 'client', undefined, '1 client'],
    [2, 'business day', undefined, '2 business days'],
    [1200, 'change', undefined, '1,200 changes'],
    [3, 'person', 'people', '3 people'],
  ])('counts %s %s as "%s"', (n, word, many, expected) => {
    expect(plural(n, word, many)).toBe(expected);
  });

  it.each<[number, string]>([
    [NOW - 30_000, 'just now'],
    [NOW - 5 * 60_000, '5 minutes ago'],
    [NOW - H, '1 hour ago'],
    [NOW + 3 * 24 * H, 'in 3 days'],
    [NOW - 400 * 24 * H, '1 year ago'],
  ])('tells the time %s relative to now as "%s"', (at, expected) => {
    expect(relativeTime(at, NOW)).toBe(expected);
  });

  it('writes calendar dates the way people read them, in UTC', () => {
    expect(formatDay(Date.UTC(2026, 10, 23, 23, 59))).toBe('23 Nov 2026');
    expect(pct(0.734)).toBe('73%');
  });
});

describe('names of people', () => {
  const map = [{ id: 's1', name: 'Dana Ruiz' }];

  it.each<[string, Parameters<typeof ownerName>[0], string]>([
    ['one of our people by the name written on it', { kind: 'member', name: 'Sam Rep', email: 'sam@acme.example' }, 'Sam Rep'],
    ["a stakeholder by the map's current name", { kind: 'stakeholder', stakeholderId: 's1', name: 'Dana (old)' }, 'Dana Ruiz'],
    ['a removed stakeholder by the name it was logged with', { kind: 'stakeholder', stakeholderId: 'gone', name: 'Lee Park' }, 'Lee Park'],
    ['a removed stakeholder with no name as a former stakeholder', { kind: 'stakeholder', stakeholderId: 'gone' }, FORMER_STAKEHOLDER],
  ])('name an owner: %s', (_, owner, expected) => {
    expect(ownerName(owner, map)).toBe(expected);
  });

  it('looks stakeholders up by id, naming a removed one a former stakeholder', () => {
    const name = stakeholderNames(map);
    expect([name('s1'), name('gone')]).toEqual(['Dana Ruiz', 'a former stakeholder']);
  });
});
