/**
 * Hand-overs: the sender fills the payload and submits; the receiver accepts, or rejects with a reason per field;
 * the sender fixes and resubmits. Every step also appends its lifecycle event, in the same transaction.
 */
import { completeness as completenessOf, findGaps } from '../../domain/gaps';
import { newId } from '../../domain/id';
import type { FieldValue, Handoff, HandoffKind } from '../../domain/schemas';
import { ActionNotAllowedError, RowNotFoundError } from '../errors';
import type { BatonDb } from '../schema';
import { inWriteTx, putRow } from '../writer';
import { addEvent } from './events';
import { getTemplate } from './templates';

/** The current hand-over of a kind for a client (and deal): the newest one. */
export async function currentHandoff(db: BatonDb, clientId: string, kind: HandoffKind, dealId?: string): Promise<Handoff | undefined> {
  const all = await db.handoffs.where('clientId').equals(clientId).toArray();
  return all
    .filter((h) => h.kind === kind && (dealId === undefined || h.dealId === undefined || h.dealId === dealId))
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}

export interface StartHandoffInput {
  clientId: string;
  kind: HandoffKind;
  dealId?: string;
  senderOwner?: string;
  receiverOwner?: string;
  now?: number;
}

/** The current hand-over, or a new draft from the workspace's template when there is none. */
export async function ensureHandoff(db: BatonDb, input: StartHandoffInput): Promise<Handoff> {
  return inWriteTx(db, async () => {
    const existing = await currentHandoff(db, input.clientId, input.kind, input.dealId);
    if (existing) return existing;
    const now = input.now ?? Date.now();
    const template = await getTemplate(db, input.kind);
    return putRow(db, 'handoffs', {
      id: newId(now),
      kind: input.kind,
      clientId: input.clientId,
      dealId: input.dealId,
      senderOwner: input.senderOwner ?? '',
      receiverOwner: input.receiverOwner ?? '',
      status: 'draft',
      values: {},
      slaBusinessDays: template.slaBusinessDays,
      createdAt: now,
    });
  });
}

async function load(db: BatonDb, id: string): Promise<Handoff> {
  const h = await db.handoffs.get(id);
  if (!h) throw new RowNotFoundError('handoffs', id);
  return structuredClone(h);
}

/** Set (or clear, with `null`) one payload field. Editing an accepted hand-over is refused. */
export async function setHandoffValue(db: BatonDb, id: string, key: string, value: FieldValue | null): Promise<Handoff> {
  return inWriteTx(db, async () => {
    const h = await load(db, id);
    if (h.status === 'accepted') throw new ActionNotAllowedError('This hand-over was accepted; it can no longer be edited.');
    if (value === null) delete h.values[key];
    else h.values[key] = value;
    return putRow(db, 'handoffs', h);
  });
}

/** Set the sending or receiving owner. */
export async function setHandoffOwners(db: BatonDb, id: string, owners: { senderOwner?: string; receiverOwner?: string }): Promise<Handoff> {
  return inWriteTx(db, async () => putRow(db, 'handoffs', { ...(await load(db, id)), ...owners }));
}

export interface SubmitInput {
  actor: string;
  /** Gaps left at submission (their field keys), recorded on the event for the receiver and the metrics. */
  gapFields: string[];
  completeness: number;
  now?: number;
}

/** Submit (or resubmit after a rejection) to the receiver. */
export async function submitHandoff(db: BatonDb, id: string, input: SubmitInput): Promise<Handoff> {
  const now = input.now ?? Date.now();
  return inWriteTx(db, async () => {
    const h = await load(db, id);
    if (h.status === 'accepted') throw new ActionNotAllowedError('This hand-over was already accepted.');
    if (h.status === 'submitted') throw new ActionNotAllowedError('This hand-over is already waiting for the receiver.');
    h.status = 'submitted';
    h.submittedAt = now;
    const saved = await putRow(db, 'handoffs', h);
    await addEvent(db, {
      clientId: h.clientId,
      name: 'handoff_submitted',
      actor: input.actor,
      at: now,
      payload: { handoffId: h.id, kind: h.kind, gaps: input.gapFields, completeness: input.completeness, incompleteAtClose: !!h.incompleteAtClose },
    });
    return saved;
  });
}

/** The receiver accepts a submitted hand-over. */
export async function acceptHandoff(db: BatonDb, id: string, actor: string, now = Date.now()): Promise<Handoff> {
  return inWriteTx(db, async () => {
    const h = await load(db, id);
    if (h.status !== 'submitted') throw new ActionNotAllowedError('Only a submitted hand-over can be accepted.');
    h.status = 'accepted';
    h.acceptedAt = now;
    const saved = await putRow(db, 'handoffs', h);
    await addEvent(db, { clientId: h.clientId, name: 'handoff_accepted', actor, at: now, payload: { handoffId: h.id, kind: h.kind, submittedAt: h.submittedAt ?? null } });
    return saved;
  });
}

/** The receiver rejects a submitted hand-over, with a reason for each field it names. */
export async function rejectHandoff(db: BatonDb, id: string, actor: string, reasons: { field: string; reason: string }[], now = Date.now()): Promise<Handoff> {
  const given = reasons.map((r) => ({ field: r.field, reason: r.reason.trim() })).filter((r) => r.reason);
  if (given.length === 0) throw new ActionNotAllowedError('Say why for at least one field to reject the hand-over.');
  return inWriteTx(db, async () => {
    const h = await load(db, id);
    if (h.status !== 'submitted') throw new ActionNotAllowedError('Only a submitted hand-over can be rejected.');
    const fields = [...new Set(given.map((r) => r.field))];
    h.status = 'rejected';
    h.rejectedAt = now;
    h.rejection = {
      reasons: given,
      fields,
      at: now,
      by: actor,
      valuesAtRejection: Object.fromEntries(fields.map((f) => [f, h.values[f] ?? null])),
    };
    const saved = await putRow(db, 'handoffs', h);
    await addEvent(db, { clientId: h.clientId, name: 'handoff_rejected', actor, at: now, payload: { handoffId: h.id, kind: h.kind, reasons: given } });
    return saved;
  });
}

/** The closed-won gate saw the deal won while gaps remained: mark it (once) with the completeness at that moment. */
export async function markIncompleteAtClose(db: BatonDb, id: string, completeness: number): Promise<Handoff> {
  return inWriteTx(db, async () => {
    const h = await load(db, id);
    if (h.completenessAtClose !== undefined) return h;
    h.completenessAtClose = completeness;
    h.incompleteAtClose = completeness < 1;
    return putRow(db, 'handoffs', h);
  });
}

/**
 * The closed-won gate, in one transaction: the CRM shows this deal won. Start its close → onboarding hand-over if
 * there is none, record the completeness at close (once), and when gaps remain on a draft, submit it as
 * "incomplete at close" for the receiver to see (DOMAIN.md).
 */
export async function recordDealWon(db: BatonDb, input: { clientId: string; dealId: string; actor: string; now?: number }): Promise<Handoff> {
  const now = input.now ?? Date.now();
  return inWriteTx(db, async () => {
    const h = await ensureHandoff(db, { clientId: input.clientId, kind: 'close_to_onboarding', dealId: input.dealId, senderOwner: input.actor, now });
    if (h.completenessAtClose !== undefined || h.status === 'accepted') return h;
    const template = await getTemplate(db, 'close_to_onboarding');
    const ctx = { stakeholders: await db.stakeholders.where('clientId').equals(input.clientId).toArray(), now };
    const c = completenessOf(template, h, ctx);
    const marked = await markIncompleteAtClose(db, h.id, c);
    if (marked.status !== 'draft' || c >= 1) return marked;
    const gaps = findGaps(template, marked, ctx).filter((g) => g.required).map((g) => g.field);
    return submitHandoff(db, h.id, { actor: input.actor, gapFields: gaps, completeness: c, now });
  });
}
