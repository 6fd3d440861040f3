/**
 * "My queue": what waits for me, for the popup's list and the toolbar badge. Pure rules over plain rows; the rows
 * are read by `lib/queue/query.ts` with indexed queries only.
 *
 * Who "me" is: the profile's name and e-mail (`lib/settings/profile.ts`), matched against the free text written on records
 * (`senderOwner`, `receiverOwner`, a client's `salesOwner`/`csOwner`, an event's `actor`) by `isMe` in
 * `lib/domain/people.ts`: e-mails decide when both sides have one, otherwise names compared ignoring case and spacing.
 *
 * The items, one per hand-over / decision / objective (the first rule that matches wins):
 * 1. `handoff_awaiting_me`: submitted to me (receiver) and not answered. Urgent once past its SLA.
 * 2. `handoff_rejected`: a hand-over I sent came back rejected. Always urgent: the receiver is blocked on me.
 * 3. `handoff_overdue`: submitted, unanswered past its SLA (`slaBusinessDays` business days from submission), and
 *    I sent it or own the client. Not urgent for me: I can only nudge the receiver.
 * 4. `decision_not_circulated`: a decision I logged (its `decision_logged`/`decision_reopened` event's actor) or own
 *    (a member owner), decided in the last `QUEUE_DECISION_DAYS` days (`lib/domain/windows.ts`), with no `circulatedAt` and no
 *    `decision_circulated` event. Urgent once the 24 hours are over.
 * 5. `objective_review_overdue`: the objective of a client I own (sales or CS owner) is past its review cadence.
 *    Not urgent: it is planned work.
 *
 * Order: urgent first, then by due time (soonest or most overdue first), then by client name.
 * The badge shows `urgentCount(items)`.
 */
import { objectiveStatus } from '../domain/objective';
import type { Client, Decision, Handoff, LifecycleEvent, Objective } from '../domain/schemas';
import { DAY_MS } from '../domain/time';
import { formatTimeLeft } from '../decisions/circulate';
import { circulatedAtOf, circulation, handoffDueAt, QUEUE_DECISION_DAYS, withinDays } from '../domain/windows';
import { handoffKindLabel, plural } from '../domain/words';
import { isMe, nameOf, type Person } from '../domain/people';

export type QueueKind =
  | 'handoff_awaiting_me'
  | 'handoff_rejected'
  | 'handoff_overdue'
  | 'decision_not_circulated'
  | 'objective_review_overdue';

export interface QueueItem {
  /** Stable key: `<kind>:<row id>`. */
  key: string;
  kind: QueueKind;
  clientId: string;
  clientName: string;
  /** One line: what it is. */
  title: string;
  /** One line: why it is here, with the fact (who, how late). */
  detail: string;
  /** When it is (or was) due; null when there is no deadline (a rejection waits on me now). */
  dueAt: number | null;
  urgent: boolean;
  handoffId?: string;
  dealId?: string;
  decisionId?: string;
}

export interface QueueInput {
  me: Person;
  now: number;
  /** Clients by id: names for the items, owners for "my clients". */
  clients: ReadonlyMap<string, Pick<Client, 'id' | 'name' | 'salesOwner' | 'csOwner'>>;
  /** Hand-overs that may be open (status submitted or rejected); others are ignored. */
  handoffs: readonly Handoff[];
  /** Recent decisions (at least those decided within the window). */
  decisions: readonly Decision[];
  /** `decision_logged`, `decision_reopened` and `decision_circulated` events about those decisions. */
  events: readonly Pick<LifecycleEvent, 'name' | 'at' | 'actor' | 'payload'>[];
  /** Objectives of my clients (others are ignored). */
  objectives: readonly Objective[];
}

function lateBy(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  if (days >= 1) return plural(days, 'day');
  const h = Math.max(1, Math.floor(ms / 3_600_000));
  return `${h} h`;
}


/** Every item waiting for me, in queue order. */
export function buildQueue(input: QueueInput): QueueItem[] {
  const { me, now } = input;
  const items: QueueItem[] = [];
  const clientName = (id: string) => input.clients.get(id)?.name ?? 'Unknown client';
  const myClient = (id: string) => {
    const c = input.clients.get(id);
    return !!c && (isMe(c.salesOwner, me) || isMe(c.csOwner, me));
  };

  for (const h of input.handoffs) {
    const base = { clientId: h.clientId, clientName: clientName(h.clientId), handoffId: h.id, ...(h.dealId ? { dealId: h.dealId } : {}) };
    const label = handoffKindLabel(h.kind);
    if (h.status === 'submitted') {
      const dueAt = handoffDueAt(h);
      const overdue = now > dueAt;
      if (isMe(h.receiverOwner, me)) {
        items.push({
          ...base,
          key: `handoff_awaiting_me:${h.id}`,
          kind: 'handoff_awaiting_me',
          title: `Accept or reject: ${label}`,
          detail: `From ${nameOf(h.senderOwner) || 'someone'}${h.incompleteAtClose ? ', incomplete at close' : ''} · ${overdue ? `${lateBy(now - dueAt)} past SLA` : `answer within ${h.slaBusinessDays} business day${h.slaBusinessDays === 1 ? '' : 's'}`}`,
          dueAt,
          urgent: overdue,
        });
      } else if (overdue && (isMe(h.senderOwner, me) || myClient(h.clientId))) {
        items.push({
          ...base,
          key: `handoff_overdue:${h.id}`,
          kind: 'handoff_overdue',
          title: `No answer: ${label}`,
          detail: `${nameOf(h.receiverOwner) || 'The receiver'} is ${lateBy(now - dueAt)} past the ${h.slaBusinessDays}-business-day SLA`,
          dueAt,
          urgent: false,
        });
      }
    } else if (h.status === 'rejected' && isMe(h.senderOwner, me)) {
      const reasons = h.rejection?.reasons ?? [];
      items.push({
        ...base,
        key: `handoff_rejected:${h.id}`,
        kind: 'handoff_rejected',
        title: `Rejected: ${label}`,
        detail: reasons.length
          ? `${nameOf(h.rejection?.by ?? '') || 'Receiver'}: ${reasons[0]!.reason}${reasons.length > 1 ? ` (+${reasons.length - 1} more)` : ''}`
          : `Rejected by ${nameOf(h.rejection?.by ?? h.receiverOwner) || 'the receiver'}`,
        dueAt: null,
        urgent: true,
      });
    }
  }

  const loggedBy = new Map<string, string>();
  for (const e of input.events) {
    if ((e.name === 'decision_logged' || e.name === 'decision_reopened') && typeof e.payload.decisionId === 'string') {
      loggedBy.set(e.payload.decisionId, e.actor);
    }
  }
  for (const d of input.decisions) {
    if (!withinDays(d.decidedAt, now, QUEUE_DECISION_DAYS)) continue;
    const mine = isMe(loggedBy.get(d.id), me) || (d.owner.kind === 'member' && isMe(d.owner.email ? `${d.owner.name} <${d.owner.email}>` : d.owner.name, me));
    if (!mine) continue;
    const c = circulation(d, circulatedAtOf(d, input.events), now);
    if (c.circulated) continue;
    items.push({
      key: `decision_not_circulated:${d.id}`,
      kind: 'decision_not_circulated',
      clientId: d.clientId,
      clientName: clientName(d.clientId),
      decisionId: d.id,
      title: `Circulate: ${d.title}`,
      detail: `Not yet circulated · ${formatTimeLeft(c.leftMs)}`,
      dueAt: c.dueAt,
      urgent: c.overdue,
    });
  }

  for (const o of input.objectives) {
    if (!myClient(o.clientId)) continue;
    const s = objectiveStatus(o, now);
    if (!s.reviewOverdue) continue;
    items.push({
      key: `objective_review_overdue:${o.id}`,
      kind: 'objective_review_overdue',
      clientId: o.clientId,
      clientName: clientName(o.clientId),
      title: 'Review the shared objective',
      detail: `Review ${s.overdueByDays >= 1 ? `${s.overdueByDays} day${s.overdueByDays === 1 ? '' : 's'} overdue` : 'due today'} (every ${o.reviewCadenceDays} days)`,
      dueAt: s.reviewDueAt,
      urgent: false,
    });
  }

  return items.sort(
    (a, b) =>
      Number(b.urgent) - Number(a.urgent) ||
      (a.dueAt ?? -Infinity) - (b.dueAt ?? -Infinity) ||
      a.clientName.localeCompare(b.clientName) ||
      a.key.localeCompare(b.key),
  );
}

/** How many items are urgent: the toolbar badge's number. */
export function urgentCount(items: readonly QueueItem[]): number {
  let n = 0;
  for (const i of items) if (i.urgent) n++;
  return n;
}

/** The badge's text: empty at zero, "99+" above 99. */
export function badgeText(count: number): string {
  return count <= 0 ? '' : count > 99 ? '99+' : String(count);
}
