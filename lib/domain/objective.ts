/**
 * The shared objective's status and each success criterion's status. Structured values, not labels: several flags
 * may hold at once (changed since signed AND review overdue), and `status` is the most urgent of them.
 */
import type { Criterion, Objective, Signature, SignerRole } from './schemas';
import { SIGNER_ROLES } from './schemas';
import { DAY_MS } from './time';

export type ObjectiveStatus = 'draft' | 'signed' | 'changed_since_signed' | 'review_overdue';

export interface ObjectiveStatusInfo {
  /**
   * The most urgent of the flags: `changed_since_signed` (the page no longer says what was signed), then
   * `review_overdue` (the goal may no longer be current), then `draft` (not yet in force), else `signed`.
   */
  status: ObjectiveStatus;
  /** Not all three signer roles have signed (any version). */
  draft: boolean;
  /** Some signature covers an older version than the current one. */
  changedSinceSigned: boolean;
  reviewOverdue: boolean;
  /** The latest signature of each role that signed, in signer-role order. */
  signedBy: Signature[];
  missingSigners: SignerRole[];
  /** The version every signer has signed (the lowest of their versions); null while any role has not signed. */
  signedVersion: number | null;
  /** Last review, signing or creation, whichever is latest, plus the cadence. */
  reviewDueAt: number;
  /** Whole days past `reviewDueAt`; 0 when not overdue. */
  overdueByDays: number;
}

/** The objective's status at `now`. */
export function objectiveStatus(objective: Objective, now: number): ObjectiveStatusInfo {
  const latest = new Map<SignerRole, Signature>();
  for (const sig of objective.signatures) {
    const prev = latest.get(sig.role);
    if (!prev || sig.version > prev.version || (sig.version === prev.version && sig.at > prev.at)) latest.set(sig.role, sig);
  }
  const signedBy: Signature[] = [];
  const missingSigners: SignerRole[] = [];
  let minVersion = Infinity;
  let lastSignedAt = 0;
  for (const role of SIGNER_ROLES) {
    const sig = latest.get(role);
    if (!sig) {
      missingSigners.push(role);
      continue;
    }
    signedBy.push(sig);
    if (sig.version < minVersion) minVersion = sig.version;
    if (sig.at > lastSignedAt) lastSignedAt = sig.at;
  }
  const draft = missingSigners.length > 0;
  const changedSinceSigned = signedBy.length > 0 && objective.version > minVersion;
  const reviewedAt = Math.max(objective.createdAt, objective.lastReviewedAt ?? 0, lastSignedAt);
  const reviewDueAt = reviewedAt + objective.reviewCadenceDays * DAY_MS;
  const reviewOverdue = now > reviewDueAt;
  const status: ObjectiveStatus = changedSinceSigned
    ? 'changed_since_signed'
    : reviewOverdue
      ? 'review_overdue'
      : draft
        ? 'draft'
        : 'signed';
  return {
    status,
    draft,
    changedSinceSigned,
    reviewOverdue,
    signedBy,
    missingSigners,
    signedVersion: draft ? null : minVersion,
    reviewDueAt,
    overdueByDays: reviewOverdueDays(reviewDueAt, now),
  };
}

/** Whole days a review due at `reviewDueAt` is overdue at `now` (0 when it is not). */
export function reviewOverdueDays(reviewDueAt: number, now: number): number {
  return now > reviewDueAt ? Math.floor((now - reviewDueAt) / DAY_MS) : 0;
}

export type CriterionStatus = 'met' | 'on_track' | 'at_risk' | 'off_track' | 'unknown';

/** Below this share of the expected progress a criterion is off track rather than at risk. */
export const AT_RISK_FLOOR = 0.7;

export interface CriterionProgress {
  status: CriterionStatus;
  /** When it is due (contract signed + due day); null when either is unknown. */
  dueAt: number | null;
  /** Share of the due period elapsed, 0..1; null without a due date. */
  expected: number | null;
  /** Share of the target reached, 0..1 (capped); null without a target or a current value. */
  progress: number | null;
  /** Why the status is `unknown`. */
  reason?: string;
}

/**
 * A success criterion's status at `now`, counted from the contract signature.
 * - `met`: the current value reaches the target (at or above; at or below when lower is better).
 * - past due and not met: `off_track`.
 * - before due: progress (current / target; target / current when lower is better, the target being a ceiling)
 *   against the linear expectation (elapsed share of the period): `on_track` at or above it, `at_risk` at or above
 *   70% of it, else `off_track`. No current value yet and not due: `on_track`.
 * - `unknown`, with a reason, when there is no numeric target, or no due day / contract date to measure time by.
 */
export function criterionStatus(criterion: Criterion, contractSignedAt: number | undefined, now: number): CriterionProgress {
  const { target, current, dueDay } = criterion;
  const lower = criterion.lowerIsBetter === true;
  if (typeof target !== 'number' || !Number.isFinite(target)) {
    return { status: 'unknown', dueAt: null, expected: null, progress: null, reason: 'no numeric target' };
  }
  const hasCurrent = typeof current === 'number' && Number.isFinite(current);
  const met = hasCurrent && (lower ? current <= target : current >= target);
  const progress = !hasCurrent ? null : met ? 1 : ratio(lower ? target : current, lower ? current : target);
  const dueAt = dueDay !== undefined && contractSignedAt !== undefined ? contractSignedAt + dueDay * DAY_MS : null;
  if (met) return { status: 'met', dueAt, expected: dueAt === null ? null : elapsed(contractSignedAt!, dueAt, now), progress };
  if (dueDay === undefined) return { status: 'unknown', dueAt, expected: null, progress, reason: 'no due day' };
  if (dueAt === null) {
    return { status: 'unknown', dueAt, expected: null, progress, reason: 'no contract_signed date to count the due day from' };
  }
  const expected = elapsed(contractSignedAt!, dueAt, now);
  if (now > dueAt) return { status: 'off_track', dueAt, expected, progress };
  if (progress === null || progress >= expected) return { status: 'on_track', dueAt, expected, progress };
  return { status: progress >= AT_RISK_FLOOR * expected ? 'at_risk' : 'off_track', dueAt, expected, progress };
}

/** a / b clamped to 0..1; 0 when it has no meaning (b ≤ 0 or a < 0). */
function ratio(a: number, b: number): number {
  if (b <= 0 || a <= 0) return 0;
  return Math.min(1, a / b);
}

function elapsed(start: number, dueAt: number, now: number): number {
  if (dueAt <= start) return 1;
  return Math.min(1, Math.max(0, (now - start) / (dueAt - start)));
}
