/** The lifecycle event timeline (append-only). */
import { newId } from '../../domain/id';
import type { EventName, LifecycleEvent } from '../../domain/schemas';
import type { BatonDb } from '../schema';
import { appendRow } from '../writer';

export interface EventInput {
  clientId: string;
  name: EventName;
  actor: string;
  at?: number;
  payload?: LifecycleEvent['payload'];
}

/** Append one event (contract signed, first value achieved, … or one of our own). */
export function addEvent(db: BatonDb, input: EventInput): Promise<LifecycleEvent> {
  const at = input.at ?? Date.now();
  return appendRow(db, 'events', { id: newId(at), clientId: input.clientId, name: input.name, at, actor: input.actor, payload: input.payload ?? {} });
}
