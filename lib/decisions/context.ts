/** The decision form's read model: one client's stakeholders and latest decisions with their circulations. */
import type { BatonDb } from '../db/schema';
import type { Client, Decision, LifecycleEvent, Stakeholder } from '../domain/schemas';

/** What the form needs about one client: its stakeholders, and its latest decisions (newest first) with circulations. */
export interface ClientDecisionContext {
  client: Client | null;
  stakeholders: Stakeholder[];
  decisions: Decision[];
  /** `decision_circulated` events of this client. */
  circulations: LifecycleEvent[];
}

export async function loadClientDecisionContext(db: BatonDb, clientId: string, recent = 20): Promise<ClientDecisionContext> {
  return db.transaction('r', db.clients, db.stakeholders, db.decisions, db.events, async () => {
    const [client, stakeholders, decisions, circulations] = await Promise.all([
      db.clients.get(clientId),
      db.stakeholders.where('clientId').equals(clientId).toArray(),
      db.decisions.where('clientId').equals(clientId).toArray(),
      db.events.where('[clientId+name]').equals([clientId, 'decision_circulated']).toArray(),
    ]);
    decisions.sort((a, b) => b.decidedAt - a.decidedAt || b.createdAt - a.createdAt);
    stakeholders.sort((a, b) => a.name.localeCompare(b.name));
    return { client: client ?? null, stakeholders, decisions: decisions.slice(0, recent), circulations };
  });
}
