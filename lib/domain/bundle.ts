/** Everything the record knows about one client, as plain rows: the input of signals and of the business case. */
import type { Client, Decision, EventName, Handoff, LifecycleEvent, Objective, Stakeholder } from './schemas';

export interface ClientBundle {
  client: Client;
  stakeholders: readonly Stakeholder[];
  objective?: Objective | undefined;
  decisions: readonly Decision[];
  handoffs: readonly Handoff[];
  events: readonly LifecycleEvent[];
  now: number;
}

/** When the first event of `name` happened, or undefined. */
export function firstEventAt(events: readonly LifecycleEvent[], name: EventName): number | undefined {
  let at: number | undefined;
  for (const e of events) if (e.name === name && (at === undefined || e.at < at)) at = e.at;
  return at;
}
