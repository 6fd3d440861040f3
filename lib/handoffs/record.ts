/**
 * Which hand-over a CRM record is about, and when its closed-won gate opens: the rules the panel shows, decided here
 * rather than in the panel's component so they are tested as plain functions (`test/handoffs/record.test.ts`).
 * Pure.
 */
import { findGaps, type Gap } from '../domain/gaps';
import type { Deal, Handoff, HandoffKind, HandoffTemplate, Stakeholder } from '../domain/schemas';

/**
 * The hand-over of `kind` this record shows: the newest of that kind that belongs to the deal (or to no deal); on
 * an account (no deal), the newest of that kind.
 */
export function recordHandoff(handoffs: readonly Handoff[], kind: HandoffKind, dealId: string | undefined): Handoff | null {
  let best: Handoff | null = null;
  for (const h of handoffs) {
    if (h.kind !== kind || (dealId && h.dealId && h.dealId !== dealId)) continue;
    if (!best || h.createdAt > best.createdAt) best = h;
  }
  return best;
}

/**
 * The kind the panel opens on: an opportunity is about its close → onboarding hand-over; an account about the
 * newest one still in flight (not accepted), or close → onboarding when none is.
 */
export function defaultHandoffKind(handoffs: readonly Handoff[], deal: Pick<Deal, 'id'> | null): HandoffKind {
  if (deal) return 'close_to_onboarding';
  let open: Handoff | null = null;
  for (const h of handoffs) if (h.status !== 'accepted' && (!open || h.createdAt > open.createdAt)) open = h;
  return open?.kind ?? 'close_to_onboarding';
}

/** The closed-won gate of one deal: whether it is open and the required fields still missing. */
export interface ClosedWonGate {
  /** The deal shows a won stage while its close → onboarding hand-over has required gaps and is not accepted. */
  open: boolean;
  /** The required gaps of the deal's close → onboarding hand-over (empty off opportunities). */
  gaps: Gap[];
  /** That hand-over, when it exists. */
  handoff: Handoff | null;
}

export interface GateInput {
  deal: Pick<Deal, 'id'> | null;
  /** What the CRM page says of the stage: won, not won, or unknown (null: the page does not say). */
  isWonStage: boolean | null;
  handoffs: readonly Handoff[];
  templates: readonly HandoffTemplate[];
  stakeholders: readonly Stakeholder[];
  now: number;
}

/** DOMAIN.md's closed-won gate: a deal moving to a won stage while close → onboarding has gaps. */
export function closedWonGate(input: GateInput): ClosedWonGate {
  const { deal } = input;
  if (!deal) return { open: false, gaps: [], handoff: null };
  const template = input.templates.find((t) => t.kind === 'close_to_onboarding');
  const handoff = recordHandoff(input.handoffs, 'close_to_onboarding', deal.id);
  const gaps = template ? findGaps(template, handoff ?? { values: {} }, { stakeholders: input.stakeholders, now: input.now }).filter((g) => g.required) : [];
  return { open: input.isWonStage === true && gaps.length > 0 && handoff?.status !== 'accepted', gaps, handoff };
}
