/**
 * The HTTP layer alone, over a stand-in store: internal errors answer 500 without leaking into logs, and draining
 * answers the push in flight while refusing new requests with 503.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import type { AuthContext, PushTx, Store } from '../../server/store/store';
import { hashToken } from '../../server/tokens';
import { put, testRules } from './protocol-suite';

const auth: AuthContext = { member: { id: 'm', email: 'a@b.c', name: 'a', role: 'member' }, workspace: { id: 'w', name: 'W' } };
const TOKEN = 'baton_test';

/** A store that knows one token and runs pushes through `onPush`. */
function standIn(onPush: (tx: PushTx) => Promise<void>): Store {
  return {
    authenticate: async (hash: string) => (hash === hashToken(TOKEN) ? auth : null),
    push: async (_a: AuthContext, _c: string, fn: (tx: PushTx) => Promise<unknown>) => {
      const tx: PushTx = { lastMutationId: 0, loadRows: async () => new Map(), writeRows: async () => undefined, setLastMutationId: async () => undefined };
      await onPush(tx);
      return fn(tx);
    },
  } as unknown as Store;
}

const pushRequest = (secret = 'Acme') =>
  new Request('http://x/v1/push', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: 1, clientId: 'c', mutations: [put(1, 'k', { name: secret })] }),
  });

describe('the HTTP layer', () => {
  it('answers 500 internal to an unexpected error, logging neither the body nor a database message', async () => {
    const lines: string[] = [];
    const dbError = Object.assign(new Error('invalid input syntax: "Top secret renewal"'), { code: '22P02' });
    const { app } = createApp({ store: standIn(async () => { throw dbError; }), rules: testRules, log: (l) => lines.push(l) });
    const res = await app.request(pushRequest('Top secret renewal'));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal' });
    expect(lines.join('\n')).toContain('SQLSTATE 22P02');
    expect(lines.join('\n')).not.toContain('secret');
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines.at(-1)).toMatch(/^POST \/v1\/push 500 \d+ms$/);
  });

  it('finishes the push in flight when draining, and answers 503 with Retry-After to new requests', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inPush = new Promise<void>((r) => (entered = r));
    const { app, drain } = createApp({ store: standIn(async () => { entered(); await gate; }), rules: testRules, log: () => undefined });
    const pushing = app.request(pushRequest());
    await inPush;
    let drained = false;
    const draining = drain().then(() => (drained = true));
    const late = await app.request(pushRequest());
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('1');
    expect(await late.json()).toEqual({ error: 'shutting_down' });
    await new Promise((r) => setTimeout(r, 20));
    expect(drained).toBe(false);
    release();
    expect((await pushing).status).toBe(200);
    await draining;
    expect(drained).toBe(true);
  });
});
