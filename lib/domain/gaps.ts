/**
 * Gaps: the fields of a hand-over that are missing or fail their acceptance rule, each with a sentence a rep can act
 * on. Completeness is the share of required fields that pass. Pure and allocation-light: this runs on every panel
 * render and for every client on the dashboard, so it never parses with zod (rows are already typed) and looks
 * stakeholders up through a Map built once per call.
 */
import type { AcceptanceRule, Criterion, FieldValue, Handoff, HandoffTemplate, PayloadField, Stakeholder } from './schemas';
import { isEngaged } from './stakeholders';
import { roleName } from './words';
import { DAY_MS } from './time';

export interface GapContext {
  /** The client's stakeholders (the stakeholder map itself). */
  stakeholders: readonly Stakeholder[];
  /** For rules that ask for recent engagement. */
  now: number;
}

export interface Gap {
  /** The field's key. */
  field: string;
  label: string;
  /** `missing`: no value (or an empty one). `failing`: a value that does not meet the acceptance rule. */
  kind: 'missing' | 'failing';
  /**
   * Whether the field is required. Optional fields only appear when filled in and failing; only required gaps count
   * against completeness and the closed-won gate.
   */
  required: boolean;
  /** What to do, in one sentence that starts with the label. */
  sentence: string;
}

type Index = ReadonlyMap<string, Stakeholder>;
type Verdict = { kind: Gap['kind']; detail: string } | null;

/** The gaps of a hand-over against its template, in the template's field order. */
export function findGaps(template: HandoffTemplate, handoff: Pick<Handoff, 'values'>, context: GapContext): Gap[] {
  const index = indexStakeholders(context.stakeholders);
  const gaps: Gap[] = [];
  for (const field of template.fields) {
    const v = judge(field, handoff.values[field.key], index, context);
    if (!v || (!field.required && v.kind === 'missing')) continue;
    gaps.push({ field: field.key, label: field.label, kind: v.kind, required: field.required, sentence: `${field.label}: ${v.detail}.` });
  }
  return gaps;
}

/** Accepted required fields / required fields, 0..1; 1 when the template requires nothing. */
export function completeness(template: HandoffTemplate, handoff: Pick<Handoff, 'values'>, context: GapContext): number {
  const index = indexStakeholders(context.stakeholders);
  let required = 0;
  let accepted = 0;
  for (const field of template.fields) {
    if (!field.required) continue;
    required++;
    if (!judge(field, handoff.values[field.key], index, context)) accepted++;
  }
  return required === 0 ? 1 : accepted / required;
}

/** Whether one field's value meets its acceptance rule (for a panel that shows every field, optional ones too). */
export function isAccepted(field: PayloadField, value: FieldValue | undefined, context: GapContext): boolean {
  return judge(field, value, indexStakeholders(context.stakeholders), context) === null;
}

function indexStakeholders(stakeholders: readonly Stakeholder[]): Index {
  const m = new Map<string, Stakeholder>();
  for (const s of stakeholders) m.set(s.id, s);
  return m;
}

function judge(field: PayloadField, value: FieldValue | undefined, index: Index, ctx: GapContext): Verdict {
  const rule = field.acceptance;
  // The stakeholder map's value only confirms a review; the map itself is the client's stakeholders.
  if (rule.rule === 'stakeholderMap') return judgeMap(rule, ctx);
  if (!value) return missing(rule);
  if (value.type !== field.type) {
    return { kind: 'failing', detail: `holds a ${value.type} value but the field expects ${field.type}; enter it again` };
  }
  switch (rule.rule) {
    case 'text':
      return value.type === 'text' ? judgeText(rule.minWords, value.text) : null;
    case 'person':
      return value.type === 'person' ? judgePerson(rule, value.stakeholderId, index, ctx.now) : null;
    case 'people':
      return value.type === 'people' ? judgePeople(rule.min, value.stakeholderIds, index) : null;
    case 'targets':
      return value.type === 'targets' ? judgeTargets(rule.min, value.criteria) : null;
    case 'list':
      return value.type === 'list' ? judgeList(rule.min, value.items) : null;
    case 'evidence':
      return value.type === 'evidence' ? judgeEvidence(rule.min, value.items) : null;
  }
}

function missing(rule: AcceptanceRule): Verdict {
  const detail = ((): string => {
    switch (rule.rule) {
      case 'text':
        return `write it in at least ${rule.minWords} words`;
      case 'person':
        return rule.role ? `name the stakeholder who is the ${roleName(rule.role)}` : 'name a stakeholder';
      case 'people':
        return `name at least ${count(rule.min, 'stakeholder')}`;
      case 'targets':
        return `add at least ${rule.min === 1 ? 'one criterion' : `${rule.min} criteria`} with a numeric target and a due day`;
      case 'list':
        return `list at least ${count(rule.min, 'item')}`;
      case 'evidence':
        return `document at least ${count(rule.min, 'piece')} of evidence, each with its source`;
      case 'stakeholderMap':
        return `map at least ${rule.minCustomer} customer stakeholders, each rated on influence and stance`;
    }
  })();
  return { kind: 'missing', detail };
}

/** Words: whitespace-separated tokens with at least one letter or digit ("—" and "-" are not words). */
export function countWords(text: string): number {
  let words = 0;
  let inToken = false;
  let tokenHasWordChar = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
    if (space) {
      if (inToken && tokenHasWordChar) words++;
      inToken = false;
      tokenHasWordChar = false;
      continue;
    }
    inToken = true;
    if (
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 0xc0 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f))
    ) {
      tokenHasWordChar = true;
    }
  }
  return inToken && tokenHasWordChar ? words + 1 : words;
}

function judgeText(minWords: number, text: string): Verdict {
  const n = countWords(text);
  if (n === 0) return { kind: 'missing', detail: `write it in at least ${minWords} words` };
  return n >= minWords ? null : { kind: 'failing', detail: `${count(n, 'word')} is too thin; write at least ${minWords}` };
}

function judgePerson(
  rule: Extract<AcceptanceRule, { rule: 'person' }>,
  id: string,
  index: Index,
  now: number,
): Verdict {
  if (!id) return missing(rule);
  const s = index.get(id);
  if (!s) return { kind: 'failing', detail: "the named person is not among this client's stakeholders; name one who is" };
  if (rule.role && !s.roles.includes(rule.role)) {
    return { kind: 'failing', detail: `${s.name} is named but does not hold the ${roleName(rule.role)} role` };
  }
  if (rule.engagedWithinDays !== undefined && !isEngaged(s, now, rule.engagedWithinDays)) {
    const when =
      s.lastEngagedAt === undefined
        ? `${s.name} has no recorded engagement`
        : `${s.name} was last engaged ${Math.floor((now - s.lastEngagedAt) / DAY_MS)} days ago`;
    return { kind: 'failing', detail: `${when}; engage them within ${rule.engagedWithinDays} days` };
  }
  return null;
}

function judgePeople(min: number, ids: readonly string[], index: Index): Verdict {
  if (ids.length === 0) return missing({ rule: 'people', min });
  let known = 0;
  for (const id of ids) if (index.has(id)) known++;
  if (known >= min) return null;
  const unknown = ids.length - known;
  const note = unknown ? ` (${unknown} ${unknown === 1 ? 'is' : 'are'} not among this client's stakeholders)` : '';
  return { kind: 'failing', detail: `${known} named${note}; name at least ${count(min, 'stakeholder')}` };
}

function judgeTargets(min: number, criteria: readonly Criterion[]): Verdict {
  if (criteria.length === 0) return missing({ rule: 'targets', min });
  const problems: string[] = [];
  let good = 0;
  for (const c of criteria) {
    const noTarget = typeof c.target !== 'number' || !Number.isFinite(c.target);
    const noDue = c.dueDay === undefined;
    if (!noTarget && !noDue) {
      good++;
      continue;
    }
    const what = noTarget && noDue ? 'a numeric target and a due day' : noTarget ? 'a numeric target' : 'a due day';
    problems.push(`add ${what} to “${c.metric}”`);
  }
  if (good < min && problems.length === 0) {
    problems.push(`add ${min - good} more ${min - good === 1 ? 'criterion' : 'criteria'} with a numeric target and a due day`);
  }
  return problems.length ? { kind: 'failing', detail: problems.join('; ') } : null;
}

function judgeList(min: number, items: readonly string[]): Verdict {
  let n = 0;
  for (const item of items) if (item.trim()) n++;
  if (n === 0) return missing({ rule: 'list', min });
  return n >= min ? null : { kind: 'failing', detail: `${n} listed; list at least ${count(min, 'item')}` };
}

function judgeEvidence(min: number, items: readonly { text: string; source: string }[]): Verdict {
  if (items.length === 0) return missing({ rule: 'evidence', min });
  const problems: string[] = [];
  let good = 0;
  for (const e of items) {
    if (e.source.trim()) good++;
    else problems.push(`add a source to “${e.text}”`);
  }
  if (good + problems.length < min) {
    const more = min - good - problems.length;
    problems.push(`document ${count(more, 'more piece')} of evidence with its source`);
  }
  return good >= min && problems.length === 0 ? null : { kind: 'failing', detail: problems.join('; ') };
}

function judgeMap(rule: Extract<AcceptanceRule, { rule: 'stakeholderMap' }>, ctx: GapContext): Verdict {
  const all = ctx.stakeholders;
  if (all.length === 0) return missing(rule);
  let counted = 0;
  const unrated: string[] = [];
  const stale: string[] = [];
  for (const s of all) {
    if (!s.influence || !s.stance) {
      unrated.push(`${s.name} (no ${!s.influence && !s.stance ? 'influence or stance' : !s.influence ? 'influence' : 'stance'})`);
    } else if (rule.engagedWithinDays !== undefined && !isEngaged(s, ctx.now, rule.engagedWithinDays)) {
      stale.push(s.name);
    } else {
      counted++;
    }
  }
  const problems: string[] = [];
  if (counted < rule.minCustomer) {
    const what = rule.engagedWithinDays
      ? `rated and engaged in the last ${rule.engagedWithinDays} days`
      : 'rated on influence and stance';
    let p = `${counted} of ${rule.minCustomer} customer stakeholders ${what}`;
    if (unrated.length) p += `; rate ${names(unrated)}`;
    if (stale.length) p += `; engage ${names(stale)}`;
    if (!unrated.length && !stale.length) p += `; map ${rule.minCustomer - counted} more`;
    problems.push(p);
  }
  for (const role of rule.requireRoles ?? []) {
    if (!all.some((s) => s.roles.includes(role))) problems.push(`nobody holds the ${roleName(role)} role`);
  }
  return problems.length ? { kind: 'failing', detail: problems.join('; ') } : null;
}

function names(xs: readonly string[]): string {
  return xs.length <= 3 ? xs.join(', ') : `${xs.slice(0, 3).join(', ')} and ${xs.length - 3} more`;
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
