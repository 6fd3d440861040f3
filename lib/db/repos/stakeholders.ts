/** The client's stakeholder map. */
import { newId } from '../../domain/id';
import type { Stakeholder } from '../../domain/schemas';
import type { BatonDb } from '../schema';
import { deleteRow, putRow } from '../writer';

export type StakeholderInput = Omit<Stakeholder, 'id' | 'createdAt' | 'title' | 'roles'> &
  Partial<Pick<Stakeholder, 'id' | 'createdAt' | 'title' | 'roles'>>;

/** Add a stakeholder or save edits to one (validated; nothing is written when invalid). */
export function saveStakeholder(db: BatonDb, input: StakeholderInput, now = Date.now()): Promise<Stakeholder> {
  return putRow(db, 'stakeholders', { ...input, id: input.id ?? newId(now), createdAt: input.createdAt ?? now });
}

/** Remove a stakeholder from the map. */
export function removeStakeholder(db: BatonDb, id: string): Promise<void> {
  return deleteRow(db, 'stakeholders', id);
}
