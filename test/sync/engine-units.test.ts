import { describe, expect, it } from 'vitest';
import { abortableSleep, backoffMs, DEFAULT_RETRY } from '../../lib/sync/backoff';
import { errorFromText, retryAfterMs, SyncClient } from '../../lib/sync/client';
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
  SyncUnauthorizedError,
} from '../../lib/sync/errors';
import { readEvents } from '../../lib/sync/poke';
import { describeSyncStatus, STALE_SYNCING_MS, type StoredSyncStatus } from '../../lib/sync/status';

const TOKEN = 'secret-token-abcdef0123456789';

describe('the sync status line', () => {
  const now = 1_800_000_000_000;
  const cases: [string, StoredSyncStatus, number, string][] = [
    ['says sync is off before a server is set up', { state: 'off' }, 0, 'Sync is off'],
    ['counts edits kept locally while sync is off', { state: 'off' }, 2, 'Sync is off, 2 changes kept on this computer'],
    ['says when it last synced', { state: 'synced', at: now - 3 * 60_000 }, 0, 'Synced 3 min ago'],
    ['counts edits made since', { state: 'synced', at: now - 1000 }, 1, 'Synced just now, 1 change waiting'],
    ['shows a run in progress', { state: 'syncing', since: now - 1000 }, 4, 'Syncing…'],
    ['reads a stale "syncing" left by a stopped worker as the last sync', { state: 'syncing', since: now - STALE_SYNCING_MS - 1 }, 0, 'Synced 5 min ago'],
    ['counts pending edits while offline', { state: 'offline', since: now, reason: 'x' }, 3, 'Offline, 3 changes pending'],
    ['says why sync needs attention', { state: 'attention', since: now, code: 'unauthorized', reason: 'The sync token was not accepted. Paste a new token in Settings.' }, 0, 'Needs attention: The sync token was not accepted. Paste a new token in Settings.'],
  ];
  it.each(cases)('%s', (_name, stored, pending, label) => {
    expect(describeSyncStatus(stored, pending, now - 5 * 60_000, now).label).toBe(label);
  });
});

describe('mapping error answers to named errors', () => {
  const res = (status: number, headers: Record<string, string> = {}) => ({ status, headers: new Headers(headers) });
  const cases: [number, unknown, new (...args: never[]) => SyncHttpError, string][] = [
    [401, { error: 'unauthorized' }, SyncUnauthorizedError, 'unauthorized'],
    [403, { error: 'forbidden', reason: 'viewer' }, SyncForbiddenError, 'forbidden'],
    [409, { error: 'mutation_gap', lastMutationId: 7 }, SyncMutationGapError, 'mutation_gap'],
    [422, { error: 'invalid_mutation', mutationId: 3, issues: [{ path: ['fields', 'name', 'v'], message: 'Too long' }] }, SyncInvalidMutationError, 'invalid_mutation'],
    [426, { error: 'protocol_unsupported', supported: [1] }, SyncProtocolError, 'protocol_unsupported'],
    [413, { error: 'body_too_large' }, SyncPayloadTooLargeError, 'body_too_large'],
    [429, { error: 'rate_limited', retryAfter: 2 }, SyncRetryableError, 'rate_limited'],
    [503, '<html>Bad gateway</html>', SyncRetryableError, 'http_503'],
    [418, { error: 'teapot' }, SyncHttpError, 'teapot'],
  ];
  it.each(cases)('%i %j', (status, body, cls, code) => {
    const err = errorFromText('POST https://sync.example/v1/push', res(status), typeof body === 'string' ? body : JSON.stringify(body));
    expect(err).toBeInstanceOf(cls);
    expect(err.status).toBe(status);
    expect(err.code).toBe(code);
    expect(err.message).toBe(`POST https://sync.example/v1/push failed: ${status} ${code}`);
  });

  it('keeps the gap and the failing mutation from the body', () => {
    const gap = errorFromText('x', res(409), JSON.stringify({ error: 'mutation_gap', lastMutationId: 7 }));
    expect((gap as SyncMutationGapError).lastMutationId).toBe(7);
    const bad = errorFromText('x', res(422), JSON.stringify({ error: 'invalid_mutation', mutationId: 3, issues: [] }));
    expect((bad as SyncInvalidMutationError).mutationId).toBe(3);
  });

  it('reads Retry-After as seconds, as an HTTP date, or from the body', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(retryAfterMs('3', null, now)).toBe(3000);
    expect(retryAfterMs(new Date(now + 5000).toUTCString(), null, now)).toBe(5000);
    expect(retryAfterMs(null, { retryAfter: 1.5 }, now)).toBe(1500);
    expect(retryAfterMs(null, null, now)).toBeUndefined();
  });
});

describe('the protocol client', () => {
  const answer = (status: number, body: unknown) => async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('sends the token only in the Authorization header and never in an error', async () => {
    let seen: RequestInit | undefined;
    const client = new SyncClient({
      serverUrl: 'https://sync.example/',
      token: TOKEN,
      fetch: async (_url, init) => {
        seen = init;
        return answer(401, { error: 'unauthorized' })();
      },
    });
    const err = await client.me().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncUnauthorizedError);
    expect((seen?.headers as Record<string, string>).authorization).toBe(`Bearer ${TOKEN}`);
    expect(String((err as Error).message) + String((err as Error).stack)).not.toContain(TOKEN);
    expect(JSON.stringify(err)).not.toContain(TOKEN);
  });

  it('turns a thrown fetch into a network error that names what was tried', async () => {
    const client = new SyncClient({ serverUrl: 'http://127.0.0.1:9', token: TOKEN, fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const err = (await client.pull('c1', null).catch((e: unknown) => e)) as SyncNetworkError;
    expect(err).toBeInstanceOf(SyncNetworkError);
    expect(err.status).toBe(0);
    expect(err.message).toBe('POST http://127.0.0.1:9/v1/pull failed: no answer from the sync server (fetch failed)');
  });

  it('refuses a 200 answer that is not the protocol', async () => {
    const client = new SyncClient({ serverUrl: 'https://sync.example', token: TOKEN, fetch: answer(200, '<html>login</html>') });
    await expect(client.health()).rejects.toBeInstanceOf(SyncResponseError);
    const wrong = new SyncClient({ serverUrl: 'https://sync.example', token: TOKEN, fetch: answer(200, { lastMutationId: 'x' }) });
    await expect(wrong.push('c1', [])).rejects.toThrow(/lastMutationId/);
  });

  it('sends protocol 1, the client id and the mutations in a push', async () => {
    let body: unknown;
    const client = new SyncClient({
      serverUrl: 'https://sync.example',
      token: TOKEN,
      fetch: async (_url, init) => {
        body = JSON.parse(String(init.body));
        return answer(200, { lastMutationId: 0 })();
      },
    });
    await client.push('c1', []);
    expect(body).toEqual({ protocol: 1, clientId: 'c1', mutations: [] });
  });
});

describe('server-sent events', () => {
  it('parses events split across chunks, with comments and CRLF', async () => {
    const enc = new TextEncoder();
    const chunks = [': hello\r\n\r\nevent: po', 'ke\ndata: {"a":1}\n', '\nevent: other\ndata: x\ndata: y\n\n', 'data: plain\n\n'];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(enc.encode(chunk));
        c.close();
      },
    });
    const events = [];
    for await (const ev of readEvents(body, new AbortController().signal)) events.push(ev);
    expect(events).toEqual([
      { event: 'poke', data: '{"a":1}' },
      { event: 'other', data: 'x\ny' },
      { event: 'message', data: 'plain' },
    ]);
  });
});

describe('backoff', () => {
  it('doubles up to the cap, with jitter between half and all of it', () => {
    expect(backoffMs(0, DEFAULT_RETRY, () => 0)).toBe(250);
    expect(backoffMs(0, DEFAULT_RETRY, () => 1)).toBe(500);
    expect(backoffMs(3, DEFAULT_RETRY, () => 1)).toBe(4000);
    expect(backoffMs(20, DEFAULT_RETRY, () => 1)).toBe(DEFAULT_RETRY.maxMs);
  });

  it('stops sleeping when aborted', async () => {
    const ac = new AbortController();
    const p = abortableSleep(60_000, ac.signal);
    ac.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
  });
});
