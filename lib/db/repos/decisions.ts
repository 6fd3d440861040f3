/** The decision log: append-only; a change is a new decision that reopens the old one. */
import { newId } from '../../domain/id';
import type { Decision } from '../../domain/schemas';
import { RowNotFoundError } from '../errors';
import type { BatonDb } from '../schema';
import { appendRow, inWriteTx } from '../writer';
import { addEvent } from './events';

export type DecisionInput = Omit<Decision, 'id' | 'createdAt' | 'text' | 'participants'> &
  Partial<Pick<Decision, 'text' | 'participants'>> & { actor: string };

/** Log a decision (and its `decision_logged` event) in one transaction. */
export async function logDecision(db: BatonDb, input: DecisionInput, now = Date.now()): Promise<Decision> {
  const { actor, ...rest } = input;
  return inWriteTx(db, async () => {
    const decision = await appendRow(db, 'decisions', { ...rest, id: newId(now), createdAt: now });
    await addEvent(db, {
      clientId: decision.clientId,
      name: decision.reopens ? 'decision_reopened' : 'decision_logged',
      actor,
      at: now,
      payload: { decisionId: decision.id, ...(decision.reopens ? { reopens: decision.reopens } : {}) },
    });
    return decision;
  });
}

/** Reopen a decision: a new decision that `reopens` it, for the same client. */
export async function reopenDecision(
  db: BatonDb,
  reopensId: string,
  input: Omit<DecisionInput, 'reopens' | 'clientId'>,
  now = Date.now(),
): Promise<Decision> {
  const old = await db.decisions.get(reopensId);
  if (!old) throw new RowNotFoundError('decisions', reopensId);
  return logDecision(db, { ...input, clientId: old.clientId, reopens: old.id }, now);
}

/** Record that a decision reached all its owners (an event: decisions themselves never change). */
export async function markCirculated(db: BatonDb, decisionId: string, actor: string, now = Date.now()): Promise<void> {
  const d = await db.decisions.get(decisionId);
  if (!d) throw new RowNotFoundError('decisions', decisionId);
  await addEvent(db, { clientId: d.clientId, name: 'decision_circulated', actor, at: now, payload: { decisionId } });
}
