/**
 * Errors the protocol rules raise, each with the status and body SYNC.md gives it. The HTTP layer answers with
 * `status` and `body` as they are; anything else becomes `500 {"error":"internal"}`.
 */
import { PROTOCOL_VERSION, type ErrorBody, type Issue } from '../../lib/sync/shared/protocol';

export class SyncError extends Error {
  override name = 'SyncError';
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 426 | 429 | 503,
    readonly body: ErrorBody,
  ) {
    super(message);
  }
}

export class BadJsonError extends SyncError {
  override name = 'BadJsonError';
  constructor(what: string) {
    super(`${what}: the body is not valid JSON`, 400, { error: 'bad_json' });
  }
}

export class UnauthorizedError extends SyncError {
  override name = 'UnauthorizedError';
  constructor(what: string) {
    super(`${what}: missing or unknown token`, 401, { error: 'unauthorized' });
  }
}

export class ForbiddenError extends SyncError {
  override name = 'ForbiddenError';
  constructor(what: string, reason: 'viewer_read_only' | 'templates_admin_only') {
    super(`${what}: ${reason}`, 403, { error: 'forbidden', reason });
  }
}

export class MutationGapError extends SyncError {
  override name = 'MutationGapError';
  constructor(clientMutationId: number, lastMutationId: number) {
    super(`Mutation ${clientMutationId} follows ${lastMutationId}: a gap`, 409, { error: 'mutation_gap', lastMutationId });
  }
}

export class InvalidRequestError extends SyncError {
  override name = 'InvalidRequestError';
  constructor(what: string, issues: Issue[]) {
    super(`${what}: invalid request`, 422, { error: 'invalid_request', issues });
  }
}

export class InvalidMutationError extends SyncError {
  override name = 'InvalidMutationError';
  constructor(mutationId: number | null, issues: Issue[]) {
    super(`Mutation ${mutationId ?? '(no id)'} is invalid`, 422, { error: 'invalid_mutation', mutationId, issues });
  }
}

export class ProtocolUnsupportedError extends SyncError {
  override name = 'ProtocolUnsupportedError';
  constructor(what: string) {
    super(`${what}: unsupported protocol`, 426, { error: 'protocol_unsupported', supported: [PROTOCOL_VERSION] });
  }
}
