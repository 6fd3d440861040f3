/**
 * The six misalignment signals of DOMAIN.md, each with the concrete fact behind it (names, dates, numbers), so the
 * panel shows why and never just a red dot. A signal may appear more than once (two rejected hand-overs are two
 * facts); `code` says which variant it is.
 */
import type { ClientBundle } from './bundle';
import { businessDaysBetween } from './business-days';
import { objectiveStatus } from './objective';
import { stakeholderNames } from './people';
import type { Handoff, HandoffKind, Stakeholder } from './schemas';
import { DISAGREEMENT_THRESHOLD, jaccard, wordSet } from './similarity';
import { coverage, holdersOf, isEngaged } from './stakeholders';
import { DEFAULT_ENGAGED_WITHIN_DAYS, isPastSla, REOPEN_WINDOW_DAYS, reopenedQuickly } from './windows';
import { roleName } from './words';
import { defaultTemplate } from './templates';
import { DAY_MS, isoDate } from './time';


export type SignalCode =
  | 'definitions_disagree'
  | 'definition_differs_from_objective'
  | 'sponsor_not_signed'
  | 'decision_reopened'
  | 'handoff_rejected'
  | 'handoff_overdue'
  | 'single_thread'
  | 'high_influence_blocker'
  | 'review_overdue'
  | 'changed_since_signed';

export interface Signal {
  signal: 1 | 2 | 3 | 4 | 5 | 6;
  code: SignalCode;
  title: string;
  fact: string;
}

export const SIGNAL_TITLES: Record<SignalCode, string> = {
  definitions_disagree: 'Stakeholders give different definitions of success',
  definition_differs_from_objective: "A stakeholder's definition of success differs from the objective",
  sponsor_not_signed: 'The project sponsor is not the executive sponsor, and the executive sponsor has not signed',
  decision_reopened: `A decision was reopened within ${REOPEN_WINDOW_DAYS} days of being made`,
  handoff_rejected: 'A hand-over was rejected',
  handoff_overdue: 'A hand-over is unanswered past its SLA',
  single_thread: 'Single-thread risk',
  high_influence_blocker: 'A blocker with high influence',
  review_overdue: "The objective's review is overdue",
  changed_since_signed: 'The objective changed since it was signed',
};

/** Every signal that holds for the client now, in signal order. */
export function findSignals(bundle: ClientBundle): Signal[] {
  const out: Signal[] = [];
  const push = (signal: Signal['signal'], code: SignalCode, fact: string) =>
    out.push({ signal, code, title: SIGNAL_TITLES[code], fact });
  const nameOf = stakeholderNames(bundle.stakeholders);

  // 1. Definitions of success disagree, among stakeholders or with the objective's outcome.
  const defs = bundle.stakeholders
    .filter((s) => s.definitionOfSuccess?.trim())
    .map((s) => ({ s, text: s.definitionOfSuccess!.trim(), words: wordSet(s.definitionOfSuccess!) }));
  let worst: { a: (typeof defs)[number]; b: (typeof defs)[number]; sim: number } | undefined;
  let disagreeing = 0;
  for (let i = 0; i < defs.length; i++) {
    for (let j = i + 1; j < defs.length; j++) {
      const sim = jaccard(defs[i]!.words, defs[j]!.words);
      if (sim >= DISAGREEMENT_THRESHOLD) continue;
      disagreeing++;
      if (!worst || sim < worst.sim) worst = { a: defs[i]!, b: defs[j]!, sim };
    }
  }
  if (worst) {
    const others = disagreeing > 1 ? ` (${disagreeing - 1} other ${disagreeing - 1 === 1 ? 'pair disagrees' : 'pairs disagree'} too)` : '';
    push(
      1,
      'definitions_disagree',
      `${worst.a.s.name} says “${worst.a.text}”; ${worst.b.s.name} says “${worst.b.text}” — ${pct(worst.sim)} word overlap${others}.`,
    );
  }
  const outcome = bundle.objective?.outcome.trim();
  if (outcome) {
    const outcomeWords = wordSet(outcome);
    const differ = defs.filter((d) => jaccard(d.words, outcomeWords) < DISAGREEMENT_THRESHOLD);
    if (differ.length) {
      const who = differ.map((d) => `${d.s.name} (“${d.text}”)`).join(', ');
      push(1, 'definition_differs_from_objective', `The objective says “${outcome}”; ${who} ${differ.length === 1 ? 'defines' : 'define'} success differently.`);
    }
  }

  // 2. The project sponsor is not the executive sponsor, and the executive sponsor has not signed.
  const projectSponsors = holdersOf(bundle.stakeholders, 'project_sponsor');
  const execs = holdersOf(bundle.stakeholders, 'executive_sponsor');
  const execSigned = bundle.objective?.signatures.some((g) => g.role === 'executive_sponsor') ?? false;
  if (projectSponsors.length && !projectSponsors.some((p) => p.roles.includes('executive_sponsor')) && !execSigned) {
    const ps = list(projectSponsors.map((p) => p.name));
    const fact = execs.length
      ? `${ps} is the project sponsor; the executive sponsor ${list(execs.map((e) => e.name))} has not signed ${bundle.objective ? 'the objective' : 'an objective (there is none yet)'}.`
      : `${ps} is the project sponsor and no executive sponsor is named, so nobody has signed for the executive.`;
    push(2, 'sponsor_not_signed', fact);
  }

  // 3. A decision reopened within 7 days of being made.
  const decisions = new Map(bundle.decisions.map((d) => [d.id, d]));
  for (const b of bundle.decisions) {
    const a = b.reopens ? decisions.get(b.reopens) : undefined;
    if (!a) continue;
    if (!reopenedQuickly(a, b)) continue;
    const days = Math.floor((b.decidedAt - a.decidedAt) / DAY_MS);
    const after = days === 0 ? 'the same day' : `${days} ${days === 1 ? 'day' : 'days'} later`;
    push(3, 'decision_reopened', `“${a.title}” (decided ${isoDate(a.decidedAt)}) was reopened ${after} by “${b.title}” (${isoDate(b.decidedAt)}).`);
  }

  // 4. A hand-over rejected, or unanswered past its SLA in business days.
  for (const h of bundle.handoffs) {
    if (h.status === 'rejected') {
      const r = h.rejection;
      const why = r?.reasons.length ? `: ${r.reasons.map((x) => `${fieldLabel(h.kind, x.field)} — ${x.reason}`).join('; ')}` : '';
      const when = r ? ` on ${isoDate(r.at)}${r.by ? ` by ${r.by}` : ''}` : h.rejectedAt ? ` on ${isoDate(h.rejectedAt)}` : '';
      push(4, 'handoff_rejected', `The ${kindLabel(h.kind)} hand-over was rejected${when}${why}.`);
    } else if (isPastSla(h, bundle.now)) {
      const submittedAt = h.submittedAt ?? h.createdAt;
      const waited = businessDaysBetween(submittedAt, bundle.now);
      push(
        4,
        'handoff_overdue',
        `The ${kindLabel(h.kind)} hand-over submitted ${isoDate(submittedAt)} is unanswered after ${waited} business days (SLA ${h.slaBusinessDays})${receiver(h)}.`,
      );
    }
  }

  // 5. Single-thread risk, or a blocker with high influence.
  const cov = coverage(bundle.stakeholders, bundle.now);
  if (cov.singleThreadRisk) {
    const engagedHigh = bundle.stakeholders.filter((s) => s.influence === 'high' && isEngaged(s, bundle.now));
    const fact = engagedHigh.length
      ? `Only ${engagedHigh[0]!.name} among high-influence stakeholders was engaged in the last ${DEFAULT_ENGAGED_WITHIN_DAYS} days.`
      : `No high-influence stakeholder was engaged in the last ${DEFAULT_ENGAGED_WITHIN_DAYS} days.`;
    push(5, 'single_thread', fact);
  }
  for (const b of cov.highInfluenceBlockers) push(5, 'high_influence_blocker', `${who(b)} has high influence and is against.`);

  // 6. The objective's review is overdue, or it changed since it was signed.
  if (bundle.objective) {
    const o = bundle.objective;
    const st = objectiveStatus(o, bundle.now);
    if (st.changedSinceSigned) {
      const behind = st.signedBy.filter((g) => g.version < o.version).map((g) => `${nameOf(g.stakeholderId)} (${roleName(g.role)}) signed version ${g.version}`);
      push(6, 'changed_since_signed', `The objective is at version ${o.version}; ${behind.join(', ')}.`);
    }
    if (st.reviewOverdue) {
      push(
        6,
        'review_overdue',
        `The ${o.reviewCadenceDays}-day review was due ${isoDate(st.reviewDueAt)}, ${st.overdueByDays} ${st.overdueByDays === 1 ? 'day' : 'days'} ago.`,
      );
    }
  }
  return out;
}

/** The hand-over's name in a sentence: its default template's label, as the panel's heading shows it. */
function kindLabel(kind: HandoffKind): string {
  return defaultTemplate(kind).label.toLowerCase();
}

function fieldLabel(kind: HandoffKind, key: string): string {
  return defaultTemplate(kind).fields.find((f) => f.key === key)?.label ?? key;
}

function receiver(h: Handoff): string {
  return h.receiverOwner ? `; waiting on ${h.receiverOwner}` : '';
}

function who(s: Stakeholder): string {
  return s.title ? `${s.name} (${s.title})` : s.name;
}

function list(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
