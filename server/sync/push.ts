/**
 * The push rules of SYNC.md as plain functions: who may push what, which mutations of a batch apply, and what the
 * rows become. {@link push} runs them inside one store transaction, so a batch is applied whole or not at all.
 */
import { applyMutation, type RowState } from '../../lib/sync/shared/merge';
import { PushEnvelopeSchema, toIssues, type Mutation, type PushResponse, type Role } from '../../lib/sync/shared/protocol';
import { validateMutation, type TableRules } from '../../lib/sync/shared/validate';
import { rowId, type AuthContext, type RowRef, type Store } from '../store/store';
import { ForbiddenError, InvalidMutationError, InvalidRequestError, MutationGapError } from './errors';

/** Parses a push body (protocol already checked) and every mutation in it; throws the first problem found. */
export function parsePush(body: unknown, role: Role, rules: TableRules): { clientId: string; mutations: Mutation[] } {
  if (role === 'viewer') throw new ForbiddenError('POST /v1/push', 'viewer_read_only');
  const envelope = PushEnvelopeSchema.safeParse(body);
  if (!envelope.success) throw new InvalidRequestError('POST /v1/push', toIssues(envelope.error));
  const mutations: Mutation[] = [];
  for (const raw of envelope.data.mutations) {
    const check = validateMutation(raw, rules);
    if (!check.ok) throw new InvalidMutationError(check.mutationId, check.issues);
    mutations.push(check.mutation);
  }
  if (role !== 'admin' && mutations.some((m) => m.table === 'templates')) {
    throw new ForbiddenError('POST /v1/push', 'templates_admin_only');
  }
  return { clientId: envelope.data.clientId, mutations };
}

/**
 * Which mutations to apply after `lastMutationId`: ids at or below the last applied one are skipped, the next must be
 * exactly last + 1. Throws {@link MutationGapError} (nothing applies) on a gap anywhere in the batch.
 */
export function planBatch(lastMutationId: number, mutations: Mutation[]): { apply: Mutation[]; lastMutationId: number } {
  let last = lastMutationId;
  const apply: Mutation[] = [];
  for (const m of mutations) {
    if (m.id <= last) continue;
    if (m.id !== last + 1) throw new MutationGapError(m.id, lastMutationId);
    apply.push(m);
    last = m.id;
  }
  return { apply, lastMutationId: last };
}

/** The distinct rows a batch touches. */
export function touchedRows(mutations: Mutation[]): RowRef[] {
  const seen = new Map<string, RowRef>();
  for (const m of mutations) seen.set(rowId(m.table, m.key), { table: m.table, key: m.key });
  return [...seen.values()];
}

/** Applies the batch to the current states; returns only rows whose state changed. */
export function applyBatch(current: Map<string, RowState>, mutations: Mutation[]): Array<RowRef & { state: RowState }> {
  const next = new Map<string, RowRef & { state: RowState }>();
  for (const m of mutations) {
    const id = rowId(m.table, m.key);
    const before = next.get(id)?.state ?? current.get(id);
    const after = applyMutation(before, m);
    if (after !== before) next.set(id, { table: m.table, key: m.key, state: after });
  }
  return [...next.values()];
}

/** Applies a parsed push in one transaction and answers with the client's last applied mutation id. */
export async function push(
  store: Store,
  auth: AuthContext,
  request: { clientId: string; mutations: Mutation[] },
): Promise<PushResponse> {
  return store.push(auth, request.clientId, async (tx) => {
    const plan = planBatch(tx.lastMutationId, request.mutations);
    if (plan.apply.length === 0) return { lastMutationId: tx.lastMutationId };
    const current = await tx.loadRows(touchedRows(plan.apply));
    await tx.writeRows(applyBatch(current, plan.apply));
    await tx.setLastMutationId(plan.lastMutationId);
    return { lastMutationId: plan.lastMutationId };
  });
}
