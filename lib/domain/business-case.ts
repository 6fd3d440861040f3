/**
 * The business case's four questions (DOMAIN.md, from the Align chapter), answered from the client's own record.
 * Data only: what is answered, and what is still missing to answer it. Rendering it as a one-page document the
 * customer can carry is the dashboard's job.
 */
import { firstEventAt, type ClientBundle } from './bundle';
import { criterionStatus, objectiveStatus } from './objective';
import type { Criterion, Evidence, Stakeholder } from './schemas';
import { roleName } from './words';
import { FIELD_KEYS } from './templates';
import { isoDate } from './time';

export interface BusinessCaseAnswer {
  question: string;
  answered: boolean;
  answer: string[];
  missing: string[];
}

export const BUSINESS_CASE_QUESTIONS = [
  'What is the client trying to accomplish, and is that goal still current?',
  'What progress have they made toward that goal, and what remains?',
  'How does this opportunity advance that goal, through use cases they already run?',
  'What does success look like, in their terms?',
] as const;

/** The four answers, in order. */
export function businessCase(bundle: ClientBundle): BusinessCaseAnswer[] {
  return [goal(bundle), progress(bundle), advance(bundle), success(bundle)];
}

function answer(i: number, answerLines: string[], missing: string[]): BusinessCaseAnswer {
  return { question: BUSINESS_CASE_QUESTIONS[i]!, answered: missing.length === 0, answer: answerLines, missing };
}

function goal({ objective, stakeholders, now }: ClientBundle): BusinessCaseAnswer {
  if (!objective?.outcome.trim()) return answer(0, [], ['There is no shared objective with an outcome yet.']);
  const st = objectiveStatus(objective, now);
  const names = new Map(stakeholders.map((s) => [s.id, s.name]));
  const lines = [objective.outcome.trim()];
  const missing: string[] = [];
  if (st.signedBy.length) {
    lines.push(`Signed by ${st.signedBy.map((g) => `${names.get(g.stakeholderId) ?? 'a former stakeholder'} (${roleName(g.role)}, version ${g.version})`).join(', ')}.`);
  }
  if (st.draft) missing.push(`Not yet signed by the ${st.missingSigners.map(roleName).join(', ')}.`);
  if (st.changedSinceSigned) missing.push(`Changed since it was signed: it is at version ${objective.version}, signed at version ${Math.min(...st.signedBy.map((g) => g.version))}.`);
  if (st.reviewOverdue) missing.push(`Not confirmed as current: the review was due ${isoDate(st.reviewDueAt)}, ${st.overdueByDays} days ago.`);
  else lines.push(`Current: next review due ${isoDate(st.reviewDueAt)}.`);
  return answer(0, lines, missing);
}

function progress({ objective, events, now }: ClientBundle): BusinessCaseAnswer {
  const criteria = objective?.successCriteria ?? [];
  if (!criteria.length) return answer(1, [], ['The objective has no success criteria to measure progress by.']);
  const signedAt = firstEventAt(events, 'contract_signed');
  const lines: string[] = [];
  const missing: string[] = [];
  let met = 0;
  for (const c of criteria) {
    const p = criterionStatus(c, signedAt, now);
    if (p.status === 'met') met++;
    if (typeof c.target !== 'number') missing.push(`“${c.metric}” has no numeric target.`);
    else if (c.current === undefined) missing.push(`“${c.metric}” has no current value.`);
    lines.push(`${describeCriterion(c)}: ${c.current === undefined ? 'no current value' : `now ${c.current}${unit(c)}`} — ${p.status.replace('_', ' ')}${p.reason ? ` (${p.reason})` : ''}.`);
  }
  lines.unshift(`${met} of ${criteria.length} criteria met; ${criteria.length - met} remaining.`);
  return answer(1, lines, missing);
}

function advance({ handoffs }: ClientBundle): BusinessCaseAnswer {
  const useCases = new Set<string>();
  const evidence: Evidence[] = [];
  for (const h of handoffs) {
    const uc = h.values[FIELD_KEYS.verifiedUseCase];
    if (uc?.type === 'text' && uc.text.trim()) useCases.add(uc.text.trim());
    for (const key of [FIELD_KEYS.businessOutcomeEvidence, FIELD_KEYS.expansionSignals]) {
      const v = h.values[key];
      if (v?.type === 'evidence') evidence.push(...v.items.filter((e) => e.text.trim()));
    }
  }
  const lines = [
    ...[...useCases].map((u) => `Use case they run: ${u}`),
    ...evidence.map((e) => `Evidence: ${e.text}${e.source.trim() ? ` (${e.source.trim()})` : ''}`),
  ];
  const missing: string[] = [];
  if (!useCases.size) missing.push('No hand-over records a verified use case.');
  if (!evidence.length) missing.push('No business-outcome evidence or expansion signal is documented.');
  return answer(2, lines, missing);
}

function success({ stakeholders, objective }: ClientBundle): BusinessCaseAnswer {
  const withDefs = stakeholders.filter((s) => s.definitionOfSuccess?.trim());
  const lines = withDefs.map((s) => `${who(s)}: “${s.definitionOfSuccess!.trim()}”`);
  const criteria = (objective?.successCriteria ?? []).filter((c) => typeof c.target === 'number');
  for (const c of criteria) lines.push(describeCriterion(c));
  const missing: string[] = [];
  if (!withDefs.length) missing.push('No stakeholder has said what success means, in their own words.');
  else if (!withDefs.some((s) => s.roles.includes('executive_sponsor'))) {
    missing.push("The executive sponsor's definition of success is not recorded.");
  }
  if (!criteria.length) missing.push('No success criterion with a numeric target.');
  return answer(3, lines, missing);
}

function describeCriterion(c: Criterion): string {
  if (typeof c.target !== 'number') return c.metric;
  const cmp = c.lowerIsBetter ? 'at most' : 'at least';
  return `${c.metric}: ${cmp} ${c.target}${unit(c)}${c.dueDay ? ` by day ${c.dueDay}` : ''}`;
}

function unit(c: Criterion): string {
  if (!c.unit) return '';
  return c.unit === '%' ? '%' : ` ${c.unit}`;
}

function who(s: Stakeholder): string {
  const roles = s.roles.filter((r) => r !== 'other' && r !== 'user').map(roleName);
  return roles.length ? `${s.name} (${roles.join(', ')})` : s.name;
}
