/**
 * The stakeholder map's judgements: quadrant, coverage, single-thread risk, missing roles, blockers. Pure functions of
 * already-typed rows; they run on every panel render, so no zod here.
 */
import type { Stakeholder, StakeholderRole } from './schemas';
import { DAY_MS } from './time';
import { DEFAULT_ENGAGED_WITHIN_DAYS } from './windows';

export type Quadrant = 'champion' | 'mobilizer' | 'supporter' | 'bystander' | 'blocker' | 'unrated';


/**
 * Roles that make a stakeholder a decision-maker whatever their influence rating: the people who sign, buy, run
 * or own the thing. Coverage counts a stakeholder who holds one of these, or who is rated high influence.
 */
export const DECISION_ROLES: readonly StakeholderRole[] = [
  'executive_sponsor',
  'project_sponsor',
  'economic_buyer',
  'operating_owner',
  'technical_owner',
];

/** Roles every client needs a named person for (DOMAIN.md, "missing roles"). */
export const KEY_ROLES = ['executive_sponsor', 'project_sponsor', 'operating_owner', 'technical_owner'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];


/**
 * Influence × stance: high+pro champion, high+neutral mobilizer, low+pro supporter, low+neutral bystander. Anyone
 * `against` is a blocker whatever their influence; anyone else not rated on both is `unrated`.
 */
export function quadrant(s: Pick<Stakeholder, 'influence' | 'stance'>): Quadrant {
  if (s.stance === 'against') return 'blocker';
  if (!s.influence || !s.stance) return 'unrated';
  if (s.influence === 'high') return s.stance === 'pro' ? 'champion' : 'mobilizer';
  return s.stance === 'pro' ? 'supporter' : 'bystander';
}

/** A decision-maker or influencer: rated high influence, or holding one of `DECISION_ROLES`. */
export function isDecisionMaker(s: Pick<Stakeholder, 'influence' | 'roles'>): boolean {
  if (s.influence === 'high') return true;
  for (const r of s.roles) if (DECISION_ROLES.includes(r)) return true;
  return false;
}

/**
 * Engaged within the last `withinDays` days of `now`. An engagement stamped in the future (another device's clock)
 * counts as engaged rather than hiding the person.
 */
export function isEngaged(s: Pick<Stakeholder, 'lastEngagedAt'>, now: number, withinDays = DEFAULT_ENGAGED_WITHIN_DAYS): boolean {
  return s.lastEngagedAt !== undefined && now - s.lastEngagedAt <= withinDays * DAY_MS;
}

export interface Coverage {
  /** Decision-makers and influencers engaged within the window. */
  engaged: number;
  /** All known decision-makers and influencers. */
  total: number;
  /** engaged / total; 0 when no decision-maker is known (nobody is covered), so it is never NaN. */
  ratio: number;
  /** Stakeholders rated high influence who were engaged within the window. */
  engagedHighInfluence: number;
  /** One engaged high-influence stakeholder or fewer: the relationship hangs on a single thread. */
  singleThreadRisk: boolean;
  /** Key roles nobody holds. */
  missingRoles: KeyRole[];
  /** Stakeholders rated high influence and against. */
  highInfluenceBlockers: Stakeholder[];
}

/**
 * The whole coverage picture of one client in one pass over its stakeholders (the panel and the benchmark call it
 * for every client, so it does not allocate per stakeholder).
 */
export function coverage(
  stakeholders: readonly Stakeholder[],
  now: number,
  withinDays = DEFAULT_ENGAGED_WITHIN_DAYS,
): Coverage {
  let engaged = 0;
  let total = 0;
  let engagedHighInfluence = 0;
  let held = 0; // bit i set when KEY_ROLES[i] is held
  const highInfluenceBlockers: Stakeholder[] = [];
  for (const s of stakeholders) {
    const active = isEngaged(s, now, withinDays);
    if (isDecisionMaker(s)) {
      total++;
      if (active) engaged++;
    }
    if (s.influence === 'high') {
      if (active) engagedHighInfluence++;
      if (s.stance === 'against') highInfluenceBlockers.push(s);
    }
    for (const r of s.roles) {
      const i = (KEY_ROLES as readonly string[]).indexOf(r);
      if (i >= 0) held |= 1 << i;
    }
  }
  const missingRoles = KEY_ROLES.filter((_, i) => (held & (1 << i)) === 0);
  return {
    engaged,
    total,
    ratio: total === 0 ? 0 : engaged / total,
    engagedHighInfluence,
    singleThreadRisk: isSingleThreaded(engagedHighInfluence),
    missingRoles,
    highInfluenceBlockers,
  };
}

/** One engaged high-influence stakeholder or fewer: the relationship hangs on a single thread. */
export function isSingleThreaded(engagedHighInfluence: number): boolean {
  return engagedHighInfluence <= 1;
}

/** Key roles with no named person. */
export function missingRoles(stakeholders: readonly Stakeholder[]): KeyRole[] {
  return KEY_ROLES.filter((role) => !stakeholders.some((s) => s.roles.includes(role)));
}

/** High-influence stakeholders who are against: actively misaligned and able to stop things. */
export function highInfluenceBlockers(stakeholders: readonly Stakeholder[]): Stakeholder[] {
  return stakeholders.filter((s) => s.influence === 'high' && s.stance === 'against');
}

/** Stakeholders holding `role`. */
export function holdersOf(stakeholders: readonly Stakeholder[], role: StakeholderRole): Stakeholder[] {
  return stakeholders.filter((s) => s.roles.includes(role));
}
