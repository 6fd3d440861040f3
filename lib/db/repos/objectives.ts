/** The one-page shared objective: edits raise its version; signatures record the version signed. */
import { newId } from '../../domain/id';
import type { Objective, SignerRole } from '../../domain/schemas';
import { ActionNotAllowedError, RowNotFoundError } from '../errors';
import type { BatonDb } from '../schema';
import { inWriteTx, putRow } from '../writer';
import { addEvent } from './events';

/** The client's objective, or a new draft. */
export async function ensureObjective(db: BatonDb, clientId: string, now = Date.now()): Promise<Objective> {
  return inWriteTx(db, async () => {
    const existing = await db.objectives.where('clientId').equals(clientId).first();
    if (existing) return existing;
    return putRow(db, 'objectives', { id: newId(now), clientId, outcome: '', version: 1, createdAt: now });
  });
}

const CONTENT: (keyof Objective)[] = ['outcome', 'scope', 'nonScope', 'successCriteria', 'decisionOwners', 'reviewCadenceDays'];

/**
 * Edit the objective's content. A change to what was agreed (outcome, scope, criteria targets…) raises the version,
 * which makes earlier signatures "changed since signed". Updating a criterion's current value alone does not.
 */
export async function editObjective(db: BatonDb, id: string, change: Partial<Pick<Objective, (typeof CONTENT)[number]>>, now = Date.now()): Promise<Objective> {
  return inWriteTx(db, async () => {
    const o = await db.objectives.get(id);
    if (!o) throw new RowNotFoundError('objectives', id);
    const next = { ...structuredClone(o), ...change, updatedAt: now };
    const agreed = (x: Objective) =>
      JSON.stringify(CONTENT.map((k) => (k === 'successCriteria' ? x.successCriteria.map(({ current: _c, ...rest }) => rest) : x[k])));
    if (agreed(next) !== agreed(o)) next.version = o.version + 1;
    return putRow(db, 'objectives', next);
  });
}

/** A sponsor signs the current version (replacing their earlier signature). */
export async function signObjective(db: BatonDb, id: string, role: SignerRole, stakeholderId: string, actor: string, now = Date.now()): Promise<Objective> {
  return inWriteTx(db, async () => {
    const o = await db.objectives.get(id);
    if (!o) throw new RowNotFoundError('objectives', id);
    if (!o.outcome.trim()) throw new ActionNotAllowedError('Write the outcome before asking sponsors to sign.');
    const signatures = o.signatures.filter((s) => s.role !== role);
    signatures.push({ role, stakeholderId, version: o.version, at: now });
    const saved = await putRow(db, 'objectives', { ...o, signatures });
    await addEvent(db, { clientId: o.clientId, name: 'objective_signed', actor, at: now, payload: { objectiveId: o.id, role, stakeholderId, version: o.version } });
    return saved;
  });
}

/** Record that the objective was reviewed with the customer today. */
export async function markObjectiveReviewed(db: BatonDb, id: string, now = Date.now()): Promise<Objective> {
  return inWriteTx(db, async () => {
    const o = await db.objectives.get(id);
    if (!o) throw new RowNotFoundError('objectives', id);
    return putRow(db, 'objectives', { ...o, lastReviewedAt: now });
  });
}
