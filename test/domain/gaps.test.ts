import { describe, expect, it } from 'vitest';
import { completeness, countWords, findGaps, isAccepted, type Gap } from '../../lib/domain/gaps';
import type { FieldValue, HandoffTemplate, PayloadField } from '../../lib/domain/schemas';
import { defaultTemplate } from '../../lib/domain/templates';
import { criterion, days, handoff, person, sponsors, T0 } from './builders';

const field = (over: Partial<PayloadField> & Pick<PayloadField, 'type' | 'acceptance'>): PayloadField => ({
  key: 'f',
  label: 'Field',
  required: true,
  ...over,
});
const one = (f: PayloadField): HandoffTemplate => ({
  id: 'close_to_onboarding',
  kind: 'close_to_onboarding',
  label: 'Close to onboarding',
  sender: 'Sales',
  receiver: 'CS',
  slaBusinessDays: 2,
  fields: [f],
});
const ctx = { stakeholders: sponsors(), now: T0 };
const gapOf = (f: PayloadField, value: FieldValue | undefined, c = ctx): Gap | undefined =>
  findGaps(one(f), handoff(value ? { [f.key]: value } : {}), c)[0];

const exec = field({ key: 'executive_sponsor', label: 'Executive sponsor', type: 'person', acceptance: { rule: 'person', role: 'executive_sponsor' } });
const engagedExec = field({
  key: 'sponsor',
  label: 'Executive sponsor engaged',
  type: 'person',
  acceptance: { rule: 'person', role: 'executive_sponsor', engagedWithinDays: 45 },
});
const criteria = field({ key: 'success_criteria', label: 'Success criteria', type: 'targets', acceptance: { rule: 'targets', min: 1 } });
const twoCriteria = field({ key: 'success_criteria', label: 'Success criteria', type: 'targets', acceptance: { rule: 'targets', min: 2 } });
const useCase = field({ key: 'verified_use_case', label: 'Verified use case', type: 'text', acceptance: { rule: 'text', minWords: 5 } });
const scope = field({ key: 'integration_scope', label: 'Integration scope', type: 'list', acceptance: { rule: 'list', min: 2 } });
const team = field({ key: 'team', label: 'Core team', type: 'people', acceptance: { rule: 'people', min: 2 } });
const proof = field({ key: 'proof', label: 'Business-outcome evidence', type: 'evidence', acceptance: { rule: 'evidence', min: 2 } });

const WAU = criterion('Weekly active usage', { target: 70, unit: '%', dueDay: 90 });

describe('findGaps, one acceptance rule at a time', () => {
  it.each<[string, PayloadField, FieldValue | undefined, Gap['kind'] | null, string?]>([
    // person
    ['accepts a named stakeholder who holds the role', exec, { type: 'person', stakeholderId: 'dana' }, null],
    ['reports a person field with no value as missing', exec, undefined, 'missing', 'Executive sponsor: name the stakeholder who is the executive sponsor.'],
    ['rejects a named stakeholder without the role', exec, { type: 'person', stakeholderId: 'lee' }, 'failing', 'Executive sponsor: Lee Park is named but does not hold the executive sponsor role.'],
    ['rejects a person who is not among the stakeholders', exec, { type: 'person', stakeholderId: 'ghost' }, 'failing', "Executive sponsor: the named person is not among this client's stakeholders; name one who is."],
    ['accepts an executive sponsor engaged within the window', engagedExec, { type: 'person', stakeholderId: 'dana' }, null],
    // text
    ['accepts text with enough words', useCase, { type: 'text', text: 'Recruiters schedule interviews inside the ATS' }, null],
    ['reports blank text as missing', useCase, { type: 'text', text: '   ' }, 'missing', 'Verified use case: write it in at least 5 words.'],
    ['rejects text with too few words', useCase, { type: 'text', text: 'Scheduling — interviews' }, 'failing', 'Verified use case: 2 words is too thin; write at least 5.'],
    // targets
    ['accepts a criterion with a numeric target and a due day', criteria, { type: 'targets', criteria: [WAU] }, null],
    ['reports no criteria as missing', criteria, { type: 'targets', criteria: [] }, 'missing', 'Success criteria: add at least one criterion with a numeric target and a due day.'],
    ['rejects a criterion without a numeric target', criteria, { type: 'targets', criteria: [criterion('Weekly active usage', { dueDay: 90 })] }, 'failing', 'Success criteria: add a numeric target to “Weekly active usage”.'],
    ['rejects a criterion without a due day', criteria, { type: 'targets', criteria: [criterion('Tickets resolved', { target: 95 })] }, 'failing', 'Success criteria: add a due day to “Tickets resolved”.'],
    ['rejects a bad criterion even beside a good one', criteria, { type: 'targets', criteria: [WAU, criterion('NPS')] }, 'failing', 'Success criteria: add a numeric target and a due day to “NPS”.'],
    ['rejects too few good criteria', twoCriteria, { type: 'targets', criteria: [WAU] }, 'failing', 'Success criteria: add 1 more criterion with a numeric target and a due day.'],
    // list
    ['accepts a list with enough non-empty items', scope, { type: 'list', items: ['Workday → us, nightly', 'SSO via Okta'] }, null],
    ['reports a list of blanks as missing', scope, { type: 'list', items: ['', '  '] }, 'missing', 'Integration scope: list at least 2 items.'],
    ['rejects a list that is too short', scope, { type: 'list', items: ['SSO via Okta', ' '] }, 'failing', 'Integration scope: 1 listed; list at least 2 items.'],
    // people
    ['accepts enough known people', team, { type: 'people', stakeholderIds: ['dana', 'lee'] }, null],
    ['does not count unknown people', team, { type: 'people', stakeholderIds: ['dana', 'ghost'] }, 'failing', "Core team: 1 named (1 is not among this client's stakeholders); name at least 2 stakeholders."],
    // evidence
    ['accepts enough evidence with sources', proof, { type: 'evidence', items: [{ text: 'Time to hire down 20%', source: 'QBR deck' }, { text: 'Two teams live', source: 'https://x.test/r' }] }, null],
    ['rejects evidence without a source', proof, { type: 'evidence', items: [{ text: 'Time to hire down 20%', source: 'QBR deck' }, { text: 'Cut onboarding time', source: ' ' }] }, 'failing', 'Business-outcome evidence: add a source to “Cut onboarding time”.'],
    ['rejects too little evidence', proof, { type: 'evidence', items: [{ text: 'Time to hire down 20%', source: 'QBR deck' }] }, 'failing', 'Business-outcome evidence: document 1 more piece of evidence with its source.'],
    // a value of the wrong shape is failing, not a crash
    ['rejects a value whose type does not match the field', useCase, { type: 'list', items: ['a'] }, 'failing', 'Verified use case: holds a list value but the field expects text; enter it again.'],
  ])('%s', (_, f, value, kind, sentence) => {
    const gap = gapOf(f, value);
    if (kind === null) expect(gap).toBeUndefined();
    else expect(gap).toMatchObject({ field: f.key, label: f.label, kind, required: true, ...(sentence ? { sentence } : {}) });
  });

  it.each([
    ['never engaged', undefined, 'Executive sponsor engaged: Dana Ruiz has no recorded engagement; engage them within 45 days.'],
    ['engaged 60 days ago', T0 - days(60), 'Executive sponsor engaged: Dana Ruiz was last engaged 60 days ago; engage them within 45 days.'],
  ])('rejects an executive sponsor %s', (_, lastEngagedAt, sentence) => {
    const stakeholders = [person('dana', 'Dana Ruiz', { roles: ['executive_sponsor'], lastEngagedAt })];
    expect(gapOf(engagedExec, { type: 'person', stakeholderId: 'dana' }, { stakeholders, now: T0 })?.sentence).toBe(sentence);
  });
});

describe('findGaps on the stakeholder map', () => {
  const map = field({ key: 'stakeholder_map', label: 'Stakeholder map', type: 'stakeholderMap', acceptance: { rule: 'stakeholderMap', minCustomer: 3 } });
  const rated = (id: string, name: string) => person(id, name, { influence: 'low', stance: 'neutral' });

  it.each<[string, ReturnType<typeof person>[], Gap['kind'] | null, string?]>([
    ['accepts three stakeholders rated on influence and stance', [rated('a', 'A'), rated('b', 'B'), rated('c', 'C')], null],
    ['reports an empty map as missing', [], 'missing', 'Stakeholder map: map at least 3 customer stakeholders, each rated on influence and stance.'],
    [
      'names the unrated stakeholders that keep it short',
      [rated('a', 'A'), rated('b', 'B'), person('l', 'Lee Park', { influence: 'high' }), person('k', 'Kim Wu')],
      'failing',
      'Stakeholder map: 2 of 3 customer stakeholders rated on influence and stance; rate Lee Park (no stance), Kim Wu (no influence or stance).',
    ],
    ['asks for more people when everyone mapped is rated', [rated('a', 'A')], 'failing', 'Stakeholder map: 1 of 3 customer stakeholders rated on influence and stance; map 2 more.'],
  ])('%s', (_, stakeholders, kind, sentence) => {
    const gap = findGaps(one(map), handoff(), { stakeholders, now: T0 })[0];
    if (kind === null) expect(gap).toBeUndefined();
    else expect(gap).toMatchObject({ kind, sentence });
  });

  it('asks for the roles a workspace requires on the map', () => {
    const withRoles = field({ ...map, acceptance: { rule: 'stakeholderMap', minCustomer: 3, requireRoles: ['economic_buyer'] } });
    expect(findGaps(one(withRoles), handoff(), ctx)[0]?.sentence).toBe('Stakeholder map: nobody holds the economic buyer role.');
  });

  it('counts only stakeholders engaged within the window when the rule asks', () => {
    const coverage = defaultTemplate('onboarding_to_adoption').fields.find((f) => f.key === 'stakeholder_coverage')!;
    const stale = sponsors().map((s, i) => (i === 2 ? { ...s, lastEngagedAt: T0 - days(50) } : s));
    expect(isAccepted(coverage, undefined, { stakeholders: sponsors(), now: T0 })).toBe(true);
    expect(findGaps(one(coverage), handoff(), { stakeholders: stale, now: T0 })[0]?.sentence).toBe(
      'Stakeholder coverage: 2 of 3 customer stakeholders rated and engaged in the last 45 days; engage Kim Wu.',
    );
  });
});

describe('optional fields and completeness', () => {
  const optional = { ...useCase, key: 'notes', label: 'Notes', required: false };
  const template: HandoffTemplate = { ...one(exec), fields: [exec, criteria, useCase, optional] };

  it('does not report an optional field that is empty', () => {
    expect(findGaps(template, handoff(), ctx).map((g) => g.field)).not.toContain('notes');
  });

  it('reports an optional field that is filled but failing, marked not required', () => {
    const gaps = findGaps(template, handoff({ notes: { type: 'text', text: 'tbd' } }), ctx);
    expect(gaps.find((g) => g.field === 'notes')).toMatchObject({ kind: 'failing', required: false });
  });

  it.each([
    ['nothing filled', {}, 0],
    ['one of three required fields accepted', { executive_sponsor: { type: 'person', stakeholderId: 'dana' } }, 1 / 3],
    ['a present but failing value does not count', { executive_sponsor: { type: 'person', stakeholderId: 'lee' } }, 0],
    [
      'all required accepted, optional empty',
      {
        executive_sponsor: { type: 'person', stakeholderId: 'dana' },
        success_criteria: { type: 'targets', criteria: [WAU] },
        verified_use_case: { type: 'text', text: 'Recruiters schedule interviews inside the ATS' },
      },
      1,
    ],
  ] as [string, Record<string, FieldValue>, number][])('completeness is accepted required / required: %s', (_, values, expected) => {
    expect(completeness(template, handoff(values), ctx)).toBeCloseTo(expected);
  });

  it('is complete when the template requires nothing', () => {
    expect(completeness({ ...template, fields: [optional] }, handoff(), ctx)).toBe(1);
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['one', 1],
    ['two  words\n', 2],
    ['dash — is not a word', 5],
    ['70% of seats, by day-90', 5],
    ['Zürich équipe naïve', 3],
  ])('counts %j as %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});
