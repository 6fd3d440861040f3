/**
 * The portable one-pager: the shared objective and, for an expansion, the business case's four questions, written
 * for the customer's own people to carry into rooms we are not in. So it speaks in their first person ("our goal"),
 * names people rather than ids, gives calendar dates rather than "day 90", and never mentions our internal machinery
 * (hand-overs, SLAs, gaps). What is still unanswered is listed separately for us, not printed on the page.
 */
import { firstEventAt, type ClientBundle } from '../domain/bundle';
import { businessCase } from '../domain/business-case';
import { criterionStatus, objectiveStatus, type CriterionStatus } from '../domain/objective';
import type { Criterion, Objective } from '../domain/schemas';
import { DAY_MS } from '../domain/time';
import { stakeholderNames } from '../domain/people';
import { formatDay, roleLabel, roleName } from '../domain/words';

export interface OnePagerCriterion {
  metric: string;
  target: string;
  due: string;
  current: string;
  status: string;
  tone: 'ok' | 'warn' | 'bad' | 'neutral';
}

export interface OnePagerSection {
  heading: string;
  lines: string[];
}

export interface OnePager {
  clientName: string;
  title: string;
  /** "Prepared 23 Nov 2026". */
  prepared: string;
  /** One line on whether the page is in force: signed, draft, changed since signed. */
  standing: string;
  objective: {
    outcome: string;
    scope: string[];
    nonScope: string[];
    criteria: OnePagerCriterion[];
    decisionOwners: { area: string; name: string }[];
    signatures: { role: string; name: string; version: number; date: string }[];
    review: string;
  } | null;
  /** The four questions in the customer's words; null unless the client is at the expansion step. */
  businessCase: OnePagerSection[] | null;
  /** What is still missing to make the page complete: for us, shown beside the page, never printed. */
  toConfirm: string[];
}

/** The four questions of DOMAIN.md, as the customer would ask them of themselves. */
export const ONE_PAGER_QUESTIONS = [
  'Our goal, and whether it still holds',
  'Progress so far, and what remains',
  'How this next step builds on what we already run',
  'What success looks like, in our words',
] as const;

const STATUS_WORDS: Record<CriterionStatus, { text: string; tone: OnePagerCriterion['tone'] }> = {
  met: { text: 'Met', tone: 'ok' },
  on_track: { text: 'On track', tone: 'ok' },
  at_risk: { text: 'At risk', tone: 'warn' },
  off_track: { text: 'Off track', tone: 'bad' },
  unknown: { text: 'Not measured yet', tone: 'neutral' },
};

/** Whether the client is at the expansion step (it has an adoption → expansion hand-over or an expansion signal). */
export function isExpansion(bundle: ClientBundle): boolean {
  return bundle.handoffs.some((h) => h.kind === 'adoption_to_expansion') || bundle.events.some((e) => e.name === 'expansion_signal_detected');
}

/** The one-pager's content for a client. */
export function buildOnePager(bundle: ClientBundle): OnePager {
  const { client, objective, stakeholders, now } = bundle;
  const nameOf = stakeholderNames(stakeholders);
  const signedAt = firstEventAt(bundle.events, 'contract_signed');
  const toConfirm: string[] = [];
  let standing = 'No shared objective has been written yet.';
  let obj: OnePager['objective'] = null;
  if (objective) {
    const st = objectiveStatus(objective, now);
    if (st.changedSinceSigned) standing = `Draft of version ${objective.version}: changed since it was last signed, to be signed again.`;
    else if (st.draft) standing = `Draft (version ${objective.version}): waiting for the ${st.missingSigners.map((r) => roleName(r)).join(', ')} to sign.`;
    else standing = `Agreed and signed by all three sponsors (version ${objective.version}).`;
    if (st.draft) toConfirm.push(`Signatures missing: ${st.missingSigners.map((r) => roleName(r)).join(', ')}.`);
    if (st.changedSinceSigned) toConfirm.push(`Version ${objective.version} has not been signed yet.`);
    if (st.reviewOverdue) toConfirm.push(`The review was due ${formatDay(st.reviewDueAt)}: confirm the goal still holds before sharing.`);
    if (!objective.outcome.trim()) toConfirm.push('The outcome sentence is empty.');
    obj = {
      outcome: objective.outcome.trim(),
      scope: objective.scope.filter((s) => s.trim()),
      nonScope: objective.nonScope.filter((s) => s.trim()),
      criteria: objective.successCriteria.map((c) => criterionRow(c, signedAt, now)),
      decisionOwners: objective.decisionOwners.map((d) => ({ area: d.area, name: nameOf(d.stakeholderId) })),
      signatures: st.signedBy.map((g) => ({ role: roleLabel(g.role), name: nameOf(g.stakeholderId), version: g.version, date: formatDay(g.at) })),
      review: reviewLine(objective, st.reviewDueAt),
    };
  } else {
    toConfirm.push('Write the shared objective on the client page or in the panel first.');
  }
  let cases: OnePagerSection[] | null = null;
  if (isExpansion(bundle)) {
    const answers = businessCase(bundle);
    cases = answers.map((a, i) => ({
      heading: ONE_PAGER_QUESTIONS[i]!,
      lines: a.answer.length ? a.answer.map(inTheirWords) : ['To be agreed together.'],
    }));
    // The first question's gaps (unsigned, changed, overdue) are the objective's, already listed above.
    for (const a of answers.slice(1)) for (const m of a.missing) toConfirm.push(m);
  }
  return {
    clientName: client.name,
    title: cases ? `${client.name}: shared objective and the case for the next step` : `${client.name}: shared objective`,
    prepared: `Prepared ${formatDay(now)}`,
    standing,
    objective: obj,
    businessCase: cases,
    toConfirm,
  };
}

function criterionRow(c: Criterion, signedAt: number | undefined, now: number): OnePagerCriterion {
  const p = criterionStatus(c, signedAt, now);
  const unit = c.unit ? (c.unit === '%' ? '%' : ` ${c.unit}`) : '';
  const target = typeof c.target === 'number' ? `${c.lowerIsBetter ? 'at most' : 'at least'} ${c.target}${unit}` : 'to be set';
  const due = c.dueDay === undefined ? 'to be set' : signedAt === undefined ? `day ${c.dueDay}` : formatDay(signedAt + c.dueDay * DAY_MS);
  const words = STATUS_WORDS[p.status];
  return { metric: c.metric, target, due, current: c.current === undefined ? '—' : `${c.current}${unit}`, status: words.text, tone: words.tone };
}

function reviewLine(o: Objective, dueAt: number): string {
  return `We review this page together every ${o.reviewCadenceDays} days; next review ${formatDay(dueAt)}.`;
}

/** The one-pager as Markdown: the same words as the printable page, for email, wikis and shared drives. */
export function onePagerMarkdown(p: OnePager): string {
  const out: string[] = [`# ${p.title}`, '', `_${p.prepared}. ${p.standing}_`, ''];
  const o = p.objective;
  if (!o) out.push('No shared objective has been written yet.', '');
  else {
    out.push('## The outcome we are working toward', '', o.outcome || '_To be written together._', '');
    if (o.scope.length) out.push('## In scope', '', ...o.scope.map((s) => `- ${s}`), '');
    if (o.nonScope.length) out.push('## Not in scope', '', ...o.nonScope.map((s) => `- ${s}`), '');
    if (o.criteria.length) {
      out.push('## How we will know it worked', '', '| Measure | Target | By | Now | Status |', '|---|---|---|---|---|');
      for (const c of o.criteria) out.push(`| ${cell(c.metric)} | ${cell(c.target)} | ${cell(c.due)} | ${cell(c.current)} | ${c.status} |`);
      out.push('');
    }
    if (o.decisionOwners.length) out.push('## Who decides', '', ...o.decisionOwners.map((d) => `- **${d.area}**: ${d.name}`), '');
    out.push('## Signed by', '');
    if (o.signatures.length) out.push(...o.signatures.map((s) => `- ${s.name}, ${s.role.toLowerCase()}: version ${s.version}, ${s.date}`));
    else out.push('- Not signed yet.');
    out.push('', o.review, '');
  }
  if (p.businessCase) {
    out.push('## The case for the next step', '');
    p.businessCase.forEach((s, i) => {
      out.push(`### ${i + 1}. ${s.heading}`, '', ...s.lines.map((l) => `- ${l}`), '');
    });
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** The business case is written about the client; the page is written by them. */
function inTheirWords(line: string): string {
  return line
    .replace(/^Use case they run: /, 'In use today: ')
    .replace(/^Current: next review/, 'Still current: next review')
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y: string, m: string, d: string) => formatDay(Date.UTC(Number(y), Number(m) - 1, Number(d))));
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A file name for the download: `acme-corp-one-pager.md`. */
export function onePagerFileName(clientName: string): string {
  const slug = clientName.toLowerCase().normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').slice(0, 60) || 'client';
  return `${slug}-one-pager.md`;
}
