/** Read models for the pages: plain async functions over the tables, used live by `hooks.ts` and directly by tests. */
import {
  crmLinkKey,
  type Client,
  type CrmLink,
  type CrmRef,
  type Deal,
  type Decision,
  type Handoff,
  type HandoffTemplate,
  type LifecycleEvent,
  type Objective,
  type Stakeholder,
} from '../domain/schemas';
import { getTemplates } from './repos/templates';
import type { BatonDb } from './schema';

export interface RecordContext {
  link: CrmLink | null;
  client: Client | null;
  deal: Deal | null;
}

/** Resolve a CRM record to its client (and deal). */
export async function loadRecordContext(db: BatonDb, ref: CrmRef): Promise<RecordContext> {
  const link = (await db.crmLinks.get(crmLinkKey(ref))) ?? null;
  if (!link) return { link: null, client: null, deal: null };
  const [client, deal] = await Promise.all([db.clients.get(link.clientId), link.dealId ? db.deals.get(link.dealId) : undefined]);
  return { link, client: client ?? null, deal: deal ?? null };
}

export interface ClientBundle {
  client: Client;
  links: CrmLink[];
  deals: Deal[];
  stakeholders: Stakeholder[];
  objective: Objective | null;
  /** Newest first. */
  decisions: Decision[];
  handoffs: Handoff[];
  /** Oldest first. */
  events: LifecycleEvent[];
  templates: HandoffTemplate[];
}

/** Everything about one client, read in one go. */
export async function loadClientBundle(db: BatonDb, clientId: string): Promise<ClientBundle | null> {
  const client = await db.clients.get(clientId);
  if (!client) return null;
  const by = <T>(t: { where(i: string): { equals(v: string): { toArray(): Promise<T[]> } } }) => t.where('clientId').equals(clientId).toArray();
  const [links, deals, stakeholders, objectives, decisions, handoffs, events, templates] = await Promise.all([
    by<CrmLink>(db.crmLinks),
    by<Deal>(db.deals),
    by<Stakeholder>(db.stakeholders),
    by<Objective>(db.objectives),
    by<Decision>(db.decisions),
    by<Handoff>(db.handoffs),
    by<LifecycleEvent>(db.events),
    getTemplates(db),
  ]);
  return {
    client,
    links,
    deals,
    stakeholders: stakeholders.sort((a, b) => a.createdAt - b.createdAt),
    objective: objectives[0] ?? null,
    decisions: decisions.sort((a, b) => b.decidedAt - a.decidedAt),
    handoffs: handoffs.sort((a, b) => a.createdAt - b.createdAt),
    events: events.sort((a, b) => a.at - b.at),
    templates,
  };
}

/** A record's context and, when it is linked, its client's bundle. */
export async function loadRecordView(db: BatonDb, ref: CrmRef): Promise<{ context: RecordContext; bundle: ClientBundle | null }> {
  const context = await loadRecordContext(db, ref);
  return { context, bundle: context.client ? await loadClientBundle(db, context.client.id) : null };
}

/** Every client's id and name, by name. */
export async function loadClientNames(db: BatonDb): Promise<{ id: string; name: string }[]> {
  return (await db.clients.orderBy('name').toArray()).map((c) => ({ id: c.id, name: c.name }));
}

/** The link of one CRM record, or null when it is not linked. */
export async function loadRecordLink(db: BatonDb, ref: CrmRef): Promise<CrmLink | null> {
  return (await db.crmLinks.get(crmLinkKey(ref))) ?? null;
}

