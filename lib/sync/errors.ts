/**
 * The sync client's errors, one class per thing that can go wrong, so the engine decides by `instanceof` and the UI
 * can say what happened. Messages name the method and URL tried and the server's error code; never the token, never
 * a request body (it holds CRM data).
 */
import type { Issue } from './shared/protocol';

/** Any failed sync request. `status` is 0 when no HTTP answer came back. */
export class SyncError extends Error {
  override name = 'SyncError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** No answer: the network is down, the server refused the connection, or the connection dropped. */
export class SyncNetworkError extends SyncError {
  override name = 'SyncNetworkError';
  constructor(what: string, cause: unknown) {
    super(`${what} failed: no answer from the sync server (${describeCause(cause)})`, 0, 'network', { cause });
  }
}

/** The request took longer than the client's timeout. */
export class SyncTimeoutError extends SyncError {
  override name = 'SyncTimeoutError';
  constructor(what: string, ms: number) {
    super(`${what} timed out after ${ms} ms`, 0, 'timeout');
  }
}

/** The server answered with an error status. `body` is the parsed `{ error, … }` when there was one. */
export class SyncHttpError extends SyncError {
  override name = 'SyncHttpError';
  constructor(
    what: string,
    status: number,
    code: string,
    readonly body: Record<string, unknown> | null,
  ) {
    super(`${what} failed: ${status} ${code}`, status, code);
  }
}

/** 401: the token is missing, unknown or revoked. */
export class SyncUnauthorizedError extends SyncHttpError {
  override name = 'SyncUnauthorizedError';
}

/** 403: the member's role may not do this (a viewer's push, a non-admin's template change). */
export class SyncForbiddenError extends SyncHttpError {
  override name = 'SyncForbiddenError';
  get reason(): string | undefined {
    return typeof this.body?.reason === 'string' ? this.body.reason : undefined;
  }
}

/** 409 mutation_gap: the server wants `lastMutationId + 1` next. */
export class SyncMutationGapError extends SyncHttpError {
  override name = 'SyncMutationGapError';
  constructor(
    what: string,
    readonly lastMutationId: number,
    body: Record<string, unknown>,
  ) {
    super(what, 409, 'mutation_gap', body);
  }
}

/** 422 invalid_mutation (one mutation of the batch) or invalid_request (the envelope). */
export class SyncInvalidMutationError extends SyncHttpError {
  override name = 'SyncInvalidMutationError';
  constructor(
    what: string,
    code: string,
    readonly mutationId: number | null,
    readonly issues: Issue[],
    body: Record<string, unknown>,
  ) {
    super(what, 422, code, body);
  }
}

/** 426: the server speaks another protocol version. */
export class SyncProtocolError extends SyncHttpError {
  override name = 'SyncProtocolError';
}

/** 413: the request body is over the server's limit. */
export class SyncPayloadTooLargeError extends SyncHttpError {
  override name = 'SyncPayloadTooLargeError';
}

/** 429 or 5xx: worth retrying later; `retryAfterMs` is the server's `Retry-After` when it sent one. */
export class SyncRetryableError extends SyncHttpError {
  override name = 'SyncRetryableError';
  constructor(
    what: string,
    status: number,
    code: string,
    body: Record<string, unknown> | null,
    readonly retryAfterMs: number | undefined,
  ) {
    super(what, status, code, body);
  }
}

/** A 2xx answer that does not match the protocol's schema (a proxy's login page, a different server). */
export class SyncResponseError extends SyncError {
  override name = 'SyncResponseError';
  constructor(what: string, detail: string) {
    super(`${what} returned an answer that is not sync protocol 1 (${detail})`, 0, 'bad_response');
  }
}

/** Whether retrying the same request later may succeed. */
export function isRetryable(err: unknown): boolean {
  return err instanceof SyncNetworkError || err instanceof SyncTimeoutError || err instanceof SyncRetryableError;
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause.cause as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? `${cause.message}: ${code}` : cause.message;
  }
  return String(cause);
}
