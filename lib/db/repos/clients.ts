/** Clients and how CRM records resolve to them (identity resolution). */
import { newId } from '../../domain/id';
import { crmLinkKey, type Client, type CrmLink, type CrmRef } from '../../domain/schemas';
import type { BatonDb } from '../schema';
import { inWriteTx, putRow } from '../writer';

/** The link of a CRM record, if it was linked to a client. */
export function findLink(db: BatonDb, ref: CrmRef): Promise<CrmLink | undefined> {
  return db.crmLinks.get(crmLinkKey(ref));
}

export interface RecordInput {
  ref: CrmRef;
  /** The record's name as read from the page (plain text). */
  title?: string | null;
  stage?: string | null;
  actor?: string;
  now?: number;
}

/**
 * First visit to a record with no client: make the client (named from the page title), link the record to it and,
 * for an opportunity, make its deal. All in one transaction.
 */
export async function createClientForRecord(db: BatonDb, input: RecordInput & { name?: string }): Promise<{ client: Client; link: CrmLink }> {
  const now = input.now ?? Date.now();
  const name = (input.name ?? input.title ?? '').trim() || 'Untitled client';
  return inWriteTx(db, async () => {
    const client = await putRow(db, 'clients', { id: newId(now), name, createdAt: now, salesOwner: input.actor });
    const link = await linkRecord(db, { ...input, clientId: client.id });
    return { client, link };
  });
}

/** Link a CRM record to an existing client (and make the deal for an opportunity). */
export async function linkRecord(db: BatonDb, input: RecordInput & { clientId: string }): Promise<CrmLink> {
  const now = input.now ?? Date.now();
  return inWriteTx(db, async () => {
    const existing = await findLink(db, input.ref);
    let dealId = existing?.dealId;
    if (input.ref.object === 'opportunity' && !dealId) {
      const deal = await putRow(db, 'deals', {
        id: newId(now),
        clientId: input.clientId,
        crmRef: input.ref,
        name: (input.title ?? '').trim() || 'Untitled deal',
        stage: input.stage ?? undefined,
        stageReadAt: input.stage ? now : undefined,
        createdAt: now,
      });
      dealId = deal.id;
    }
    return putRow(db, 'crmLinks', {
      ...input.ref,
      id: crmLinkKey(input.ref),
      recordId: input.ref.id,
      clientId: input.clientId,
      dealId,
      title: input.title ?? existing?.title ?? undefined,
      createdAt: existing?.createdAt ?? now,
    });
  });
}

/** Record the stage last read from the CRM page on the deal (no write when unchanged). */
export async function recordDealStage(db: BatonDb, dealId: string, stage: string, isWon: boolean | null, now = Date.now()): Promise<void> {
  const deal = await db.deals.get(dealId);
  if (!deal || (deal.stage === stage && (isWon === null || deal.isWon === isWon))) return;
  await putRow(db, 'deals', { ...deal, stage, isWon: isWon ?? deal.isWon, stageReadAt: now });
}
