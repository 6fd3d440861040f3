/**
 * The HTTP client of sync protocol 1 (`../shared/SYNC.md`): one method per endpoint, every answer parsed with the
 * protocol's zod schemas, every failure a named error from `./errors`. It never retries (the engine decides that)
 * and never logs; the token goes only into the Authorization header.
 */
import {
  ErrorBodySchema,
  HealthResponseSchema,
  InvalidMutationErrorSchema,
  InvalidRequestErrorSchema,
  MeResponseSchema,
  MutationGapErrorSchema,
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
  type HealthResponse,
  type MeResponse,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from './shared/protocol';
import {
  SyncForbiddenError,
  SyncHttpError,
  SyncInvalidMutationError,
  SyncMutationGapError,
  SyncNetworkError,
  SyncPayloadTooLargeError,
  SyncProtocolError,
  SyncResponseError,
  SyncRetryableError,
  SyncTimeoutError,
  SyncUnauthorizedError,
} from './errors';
import type { z } from 'zod';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface SyncClientOptions {
  /** The server's base URL, e.g. `https://sync.example.com` (a path prefix is kept). */
  serverUrl: string;
  token: string;
  /** Injected for tests and the service worker; defaults to the global fetch. */
  fetch?: FetchLike;
  /** Per-request timeout for health, me, push and pull (not the stream). Default 30 s. */
  timeoutMs?: number;
}

/** One client per server URL and token. */
export class SyncClient {
  readonly #base: string;
  readonly #token: string;
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number;

  constructor(options: SyncClientOptions) {
    this.#base = options.serverUrl.replace(/\/+$/, '');
    this.#token = options.token;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** The server's base URL (no token in it). */
  get serverUrl(): string {
    return this.#base;
  }

  /** `GET /v1/health`: is a sync server of a protocol we know there? No token is sent. */
  health(signal?: AbortSignal): Promise<HealthResponse> {
    return this.#json('GET', '/v1/health', undefined, HealthResponseSchema, signal, false);
  }

  /** `GET /v1/me`: the member and workspace the token names. */
  me(signal?: AbortSignal): Promise<MeResponse> {
    return this.#json('GET', '/v1/me', undefined, MeResponseSchema, signal);
  }

  /** `POST /v1/push` of up to 500 mutations, in id order. */
  push(clientId: string, mutations: Mutation[], signal?: AbortSignal): Promise<PushResponse> {
    return this.#json('POST', '/v1/push', { protocol: PROTOCOL_VERSION, clientId, mutations }, PushResponseSchema, signal);
  }

  /** `POST /v1/pull` from `cursor` (null: from the beginning). */
  pull(clientId: string, cursor: string | null, limit?: number, signal?: AbortSignal): Promise<PullResponse> {
    const body = { protocol: PROTOCOL_VERSION, clientId, cursor, ...(limit ? { limit } : {}) };
    return this.#json('POST', '/v1/pull', body, PullResponseSchema, signal);
  }

  /**
   * `GET /v1/stream`: opens the server-sent event stream and returns its body once the server answered 200.
   * No timeout: it stays open until `signal` aborts or the connection drops.
   */
  async stream(signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const what = `GET ${this.#base}/v1/stream`;
    let res: Response;
    try {
      res = await this.#fetch(`${this.#base}/v1/stream`, {
        method: 'GET',
        headers: { authorization: `Bearer ${this.#token}`, accept: 'text/event-stream' },
        cache: 'no-store',
        signal,
      });
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      throw new SyncNetworkError(what, err);
    }
    if (!res.ok) throw await errorFrom(what, res);
    if (!res.body) throw new SyncResponseError(what, 'no body');
    return res.body;
  }

  async #json<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    signal: AbortSignal | undefined,
    auth = true,
  ): Promise<T> {
    const url = `${this.#base}${path}`;
    const what = `${method} ${url}`;
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (auth) headers.authorization = `Bearer ${this.#token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    let text: string;
    try {
      res = await this.#fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        signal: combined,
      });
      text = await res.text();
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) throw new SyncTimeoutError(what, this.#timeoutMs);
      throw new SyncNetworkError(what, err);
    }
    if (!res.ok) throw errorFromText(what, res, text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SyncResponseError(what, `${res.status}, not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues[0];
      throw new SyncResponseError(what, where ? `${where.path.join('.') || '(root)'}: ${where.message}` : 'invalid');
    }
    return parsed.data;
  }
}

async function errorFrom(what: string, res: Response): Promise<SyncHttpError> {
  let text = '';
  try {
    text = await res.text();
  } catch {
    // The body is only used to name the error.
  }
  return errorFromText(what, res, text);
}

/** Map an error answer to its named error (SYNC.md "Errors and limits"). */
export function errorFromText(what: string, res: Pick<Response, 'status' | 'headers'>, text: string): SyncHttpError {
  let body: Record<string, unknown> | null = null;
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) body = parsed.data;
  } catch {
    // Not JSON (a proxy's error page): keep the status only.
  }
  const status = res.status;
  const code = typeof body?.error === 'string' ? body.error : `http_${status}`;
  if (status === 401) return new SyncUnauthorizedError(what, status, code, body);
  if (status === 403) return new SyncForbiddenError(what, status, code, body);
  if (status === 409 && body) {
    const gap = MutationGapErrorSchema.safeParse(body);
    if (gap.success) return new SyncMutationGapError(what, gap.data.lastMutationId, body);
  }
  if (status === 422 && body) {
    const bad = InvalidMutationErrorSchema.safeParse(body);
    if (bad.success) return new SyncInvalidMutationError(what, code, bad.data.mutationId, bad.data.issues, body);
    const req = InvalidRequestErrorSchema.safeParse(body);
    if (req.success) return new SyncInvalidMutationError(what, code, null, req.data.issues, body);
  }
  if (status === 426) return new SyncProtocolError(what, status, code, body);
  if (status === 413) return new SyncPayloadTooLargeError(what, status, code, body);
  if (status === 429 || status >= 500) {
    return new SyncRetryableError(what, status, code, body, retryAfterMs(res.headers.get('retry-after'), body));
  }
  return new SyncHttpError(what, status, code, body);
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110), else the body's `retryAfter` seconds. */
export function retryAfterMs(header: string | null, body?: Record<string, unknown> | null, now = Date.now()): number | undefined {
  if (header) {
    const s = header.trim();
    if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
    const at = Date.parse(s);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const fromBody = body?.retryAfter;
  return typeof fromBody === 'number' && fromBody >= 0 ? Math.round(fromBody * 1000) : undefined;
}
