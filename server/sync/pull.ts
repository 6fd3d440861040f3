/** The pull rule of SYNC.md: whole current rows changed after the cursor, oldest change first, in pages. */
import {
  DEFAULT_PULL_LIMIT,
  PullRequestSchema,
  toIssues,
  type PullRequest,
  type PullResponse,
} from '../../lib/sync/shared/protocol';
import type { AuthContext, Store } from '../store/store';
import { decodeCursor, encodeCursor } from './cursor';
import { InvalidRequestError } from './errors';

/** Parses a pull body (protocol already checked). */
export function parsePull(body: unknown): PullRequest & { afterSeq: number } {
  const parsed = PullRequestSchema.safeParse(body);
  if (!parsed.success) throw new InvalidRequestError('POST /v1/pull', toIssues(parsed.error));
  const afterSeq = decodeCursor(parsed.data.cursor);
  if (afterSeq === undefined) {
    throw new InvalidRequestError('POST /v1/pull', [{ path: ['cursor'], message: 'Not a cursor from this server; pull again from null' }]);
  }
  return { ...parsed.data, afterSeq };
}

export async function pull(store: Store, auth: AuthContext, request: PullRequest & { afterSeq: number }): Promise<PullResponse> {
  const limit = request.limit ?? DEFAULT_PULL_LIMIT;
  // One row more than asked tells whether there is more.
  const { lastMutationId, rows } = await store.pull(auth.workspace.id, request.clientId, request.afterSeq, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    cursor: encodeCursor(last ? last.seq : request.afterSeq),
    more: rows.length > limit,
    lastMutationId,
    changes: page.map((r) => ({ table: r.table, key: r.key, fields: r.state.fields, deleted: r.state.deleted, seq: r.seq })),
  };
}
