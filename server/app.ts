/**
 * The HTTP layer: parses, authenticates, rate-limits and maps errors to status codes. Every decision about sync data
 * is in `server/sync/*` and every query in `server/store/*`. Logs carry method, path, status and duration only: request
 * bodies hold personal data from a CRM, and tokens are secrets.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import { MAX_BODY_BYTES, PROTOCOL_VERSION, protocolOf, type HealthResponse, type MeResponse } from '../lib/sync/shared/protocol';
import { domainTableRules } from '../lib/sync/shared/table-rules';
import type { TableRules } from '../lib/sync/shared/validate';
import { extensionOrigin } from './http/cors';
import { RateLimiter, type RateLimit } from './http/rate-limit';
import type { AuthContext, Store } from './store/store';
import { BadJsonError, ProtocolUnsupportedError, SyncError, UnauthorizedError } from './sync/errors';
import { parsePull, pull } from './sync/pull';
import { parsePush, push } from './sync/push';
import { hashToken } from './tokens';

export interface AppOptions {
  store: Store;
  /** Table schemas pushed fields are checked against (default: lib/domain's). */
  rules?: TableRules;
  /** Requests per token per window (default 120 per 10 s). */
  rateLimit?: RateLimit;
  /** Interval of the SSE keep-alive comment (default 25 s). */
  keepAliveMs?: number;
  /** Where request lines and errors go (default: stdout). */
  log?: (line: string) => void;
}

export interface BatonApp {
  app: Hono<Env>;
  /**
   * Stops taking requests (new ones get 503), ends event streams, and resolves once every request in flight has
   * answered, or after `timeoutMs`.
   */
  drain(timeoutMs?: number): Promise<void>;
}

type Env = { Variables: { auth: AuthContext; tokenHash: string } };

export const DEFAULT_RATE_LIMIT: RateLimit = { max: 120, windowMs: 10_000 };

export function createApp(options: AppOptions): BatonApp {
  const { store } = options;
  const rules = options.rules ?? domainTableRules;
  const log = options.log ?? ((line: string) => console.log(line));
  const limiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const keepAliveMs = options.keepAliveMs ?? 25_000;
  const streams = new Set<() => void>();
  let inFlight = 0;
  let closing = false;
  const idle: Array<() => void> = [];

  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const isStream = c.req.path === '/v1/stream';
    if (!isStream) inFlight++;
    try {
      if (closing) {
        c.res = c.json({ error: 'shutting_down' }, 503);
        c.header('Retry-After', '1');
        return;
      }
      await next();
    } finally {
      if (!isStream && --inFlight === 0) for (const done of idle.splice(0)) done();
      log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
    }
  });

  app.use(
    '*',
    cors({
      origin: (origin) => extensionOrigin(origin),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );

  app.onError((err, c) => {
    if (err instanceof SyncError) return c.json(err.body, err.status);
    // A database error's message can quote a value from the request: log only its SQLSTATE code.
    const code = (err as { code?: unknown }).code;
    const detail = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? `SQLSTATE ${code}` : err.message;
    log(`${c.req.method} ${c.req.path} failed: ${err.name}: ${detail}`);
    return c.json({ error: 'internal' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not_found' }, 404));

  app.get('/v1/health', (c) => c.json({ ok: true, protocol: PROTOCOL_VERSION } satisfies HealthResponse));

  // Everything below needs a token.
  app.use('/v1/*', async (c, next) => {
    const what = `${c.req.method} ${c.req.path}`;
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/.exec(c.req.header('Authorization') ?? '');
    if (!match) throw new UnauthorizedError(what);
    const hash = hashToken(match[1]!);
    const retryAfter = limiter.hit(hash);
    if (retryAfter > 0) {
      c.header('Retry-After', String(retryAfter));
      return c.json({ error: 'rate_limited', retryAfter }, 429);
    }
    const auth = await store.authenticate(hash);
    if (!auth) throw new UnauthorizedError(what);
    c.set('auth', auth);
    c.set('tokenHash', hash);
    await next();
  });

  const limitBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'body_too_large' }, 413) });

  app.get('/v1/me', (c) => {
    const { member, workspace } = c.get('auth');
    return c.json({ member, workspace } satisfies MeResponse);
  });

  app.post('/v1/push', limitBody, async (c) => {
    const body = await jsonBody(c);
    const auth = c.get('auth');
    return c.json(await push(store, auth, parsePush(body, auth.member.role, rules)));
  });

  app.post('/v1/pull', limitBody, async (c) => {
    const body = await jsonBody(c);
    return c.json(await pull(store, c.get('auth'), parsePull(body)));
  });

  app.get('/v1/stream', (c) => {
    const { workspace } = c.get('auth');
    const tokenHash = c.get('tokenHash');
    return streamSSE(c, async (stream) => {
      let wake!: () => void;
      const ended = new Promise<void>((resolve) => (wake = resolve));
      const unwatch = store.watch(workspace.id, (seq) => {
        void stream.writeSSE({ event: 'poke', data: JSON.stringify({ seq }) }).catch(wake);
      });
      // Each keep-alive also checks the token is still valid: a revoked token's open stream ends within one interval.
      const keepAlive = setInterval(
        () =>
          void store
            .authenticate(tokenHash)
            .then(async (still) => {
              if (still) await stream.write(': keep-alive\n\n');
              else wake();
            })
            .catch(wake),
        keepAliveMs,
      );
      streams.add(wake);
      stream.onAbort(wake);
      try {
        await stream.write(': connected\n\n');
        await ended;
      } finally {
        streams.delete(wake);
        clearInterval(keepAlive);
        unwatch();
      }
    });
  });

  return {
    app,
    async drain(timeoutMs = 10_000) {
      closing = true;
      for (const end of [...streams]) end();
      if (inFlight === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        idle.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/** The body as JSON, after the protocol check: 400 bad_json, then 426 for another protocol. */
async function jsonBody(c: Context): Promise<unknown> {
  const what = `${c.req.method} ${c.req.path}`;
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadJsonError(what);
  }
  if (protocolOf(body) === 'unsupported') throw new ProtocolUnsupportedError(what);
  return body;
}
