/** HTTP details over a real socket: server-sent pokes and keep-alives, CORS for extension origins only, shutdown. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/start';
import { hashToken } from '../../server/tokens';
import { api, overHttp, tokenFor } from './helpers/api';
import { freshPgliteStore } from './helpers/pglite';
import { put, testRules } from './protocol-suite';

let server: RunningServer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshPgliteStore();
  server = await startServer({ store: fresh.store, port: 0, host: '127.0.0.1', rules: testRules, keepAliveMs: 100, log: () => undefined });
  cleanup = async () => {
    await server.close(); // once only: close() is memoized
    await fresh.close().catch(() => undefined); // the store is closed already; this removes its files
  };
}, 60_000);
afterAll(async () => cleanup?.());

/** Opens `/v1/stream` and collects its text. */
async function listen(token: string) {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/v1/stream`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  let text = '';
  let ended = false;
  const reader = res.body!.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // aborted
    }
    ended = true;
  })();
  return { res, text: () => text, ended: () => ended, stop: () => controller.abort() };
}

describe('GET /v1/stream', () => {
  it('pokes members of the changed workspace only, and keeps the connection alive', async () => {
    const writer = await tokenFor(store(), 'Poked', 'member');
    const watcher = await listen(await tokenFor(store(), 'Poked', 'viewer'));
    const outsider = await listen(await tokenFor(store(), 'Elsewhere', 'member'));
    expect(watcher.res.status).toBe(200);
    expect(watcher.res.headers.get('content-type')).toContain('text/event-stream');
    await expect.poll(() => watcher.text()).toContain(': connected');

    expect((await api(overHttp(server.url), writer).push('w', [put(1, 'k', { name: 'x' })])).status).toBe(200);
    await expect.poll(() => watcher.text(), { timeout: 5000 }).toMatch(/event: poke\ndata: \{"seq":1\}\n\n/);
    await expect.poll(() => outsider.text(), { timeout: 2000 }).toContain(': keep-alive');
    expect(outsider.text()).not.toContain('poke');
    // A push that changes nothing (a retry) pokes no one.
    await api(overHttp(server.url), writer).push('w', [put(1, 'k', { name: 'x' })]);
    await new Promise((r) => setTimeout(r, 200));
    expect(watcher.text().split('event: poke')).toHaveLength(2);
    watcher.stop();
    outsider.stop();
  });

  it('ends a stream at its next keep-alive once its token is revoked', async () => {
    const token = await tokenFor(store(), 'Revoked', 'member');
    const watcher = await listen(token);
    await expect.poll(() => watcher.text()).toContain(': keep-alive');
    expect(watcher.ended()).toBe(false);
    expect(await store().revokeTokens({ tokenHash: hashToken(token) })).toBe(1);
    await expect.poll(() => watcher.ended(), { timeout: 3000 }).toBe(true);
  });

  it('refuses a stream without a token', async () => {
    const res = await fetch(`${server.url}/v1/stream`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthorized' });
  });
});

describe('CORS', () => {
  it.each(['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://6f1c2a3e-1111-4a4a-9b9b-0123456789ab'])(
    'allows the extension origin %s, preflight included, without a token on the preflight',
    async (origin) => {
      const pre = await fetch(`${server.url}/v1/push`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
      expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      const res = await fetch(`${server.url}/v1/health`, { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    },
  );

  it.each(['https://evil.example', 'http://localhost:3000', 'chrome-extension://x/../evil', 'null'])('gives %s no CORS grant', async (origin) => {
    const pre = await fetch(`${server.url}/v1/push`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await fetch(`${server.url}/v1/health`, { headers: { origin } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('shutdown', () => {
  it('ends open streams and stops listening (runs last: it closes the shared server)', async () => {
    const token = await tokenFor(store(), 'Closing', 'member');
    const res = await fetch(`${server.url}/v1/stream`, { headers: { authorization: `Bearer ${token}` } });
    const reading = res.text().catch(() => 'aborted');
    await server.close();
    await expect(reading).resolves.toContain(': connected');
    await expect(fetch(`${server.url}/v1/health`)).rejects.toThrow();
  });
});

function store() {
  return server.store;
}
