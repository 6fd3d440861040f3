/**
 * Two server processes on one PostgreSQL, as behind a load balancer: the server keeps no state of its own, so
 * concurrent pushes through either instance all land, with strictly rising, never repeated sequence numbers, and a
 * push through one instance pokes the event streams of the other (LISTEN/NOTIFY).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../lib/sync/shared/hlc';
import type { Mutation } from '../../lib/sync/shared/protocol';
import { postgresDb } from '../../server/store/db';
import { Store } from '../../server/store/store';
import { api, overHttp, pullAll, tokenFor } from './helpers/api';
import { POSTGRES_MISSING_MESSAGE, postgresAvailable, startPostgres, type PostgresCluster } from './helpers/postgres';
import { startServerProcess, type ServerProcess } from './helpers/process';

const HAS_PG = postgresAvailable();

/** Opens the event stream and calls `onText` with everything received so far, as it arrives. */
async function readEvents(url: string, token: string, signal: AbortSignal, onText: (text: string) => void): Promise<void> {
  const res = await fetch(`${url}/v1/stream`, { headers: { authorization: `Bearer ${token}` }, signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        onText(text);
      }
    } catch {
      // aborted
    }
  })();
}

describe.skipIf(!HAS_PG)('two server instances on one PostgreSQL', () => {
  let cluster: PostgresCluster;
  let a: ServerProcess;
  let b: ServerProcess;
  let tokens: string[] = [];

  beforeAll(async () => {
    cluster = await startPostgres();
    const env = { DATABASE_URL: await cluster.createDatabase('lb') };
    // Both start at once on an empty database: the advisory lock lets exactly one migrate it.
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    // Tokens from a third, in-process store on the same database (the CLI is tested in process.test.ts).
    const store = await Store.open(postgresDb(env.DATABASE_URL, { max: 1 }));
    tokens = [];
    for (const email of ['rep@acme.example', 'csm@acme.example', 'lead@acme.example', 'ops@acme.example']) {
      tokens.push(await tokenFor(store, 'Acme', 'member', email));
    }
    await store.close();
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await cluster?.stop();
  });

  it('applies concurrent pushes through both instances with strictly rising sequence numbers', async () => {
    const clients = tokens.map((token, i) => ({ id: `client-${i}`, token, instance: i % 2 === 0 ? [a, b] : [b, a] }));
    const batches = 8;
    const perBatch = 40;
    const controller = new AbortController();
    let pokesOnB = 0;
    await readEvents(b.url, tokens[0]!, controller.signal, (text) => (pokesOnB = text.split('event: poke').length - 1));

    await Promise.all(
      clients.map(async (c, ci) => {
        for (let batch = 0; batch < batches; batch++) {
          const mutations: Mutation[] = Array.from({ length: perBatch }, (_, j) => {
            const id = batch * perBatch + j + 1;
            // Every client also writes the shared row `hot`, so instances contend on the same rows.
            const key = j === 0 ? 'hot' : `c${ci}-${id}`;
            return { id, op: 'put', table: 'clients', key, fields: { name: { v: `${c.id} #${id}`, hlc: formatHlc(1_700_000_000_000 + id, ci, c.id) } } };
          });
          // Alternate instances batch by batch, as a load balancer would.
          const server = c.instance[batch % 2]!;
          const r = await api(overHttp(server.url), c.token).push(c.id, mutations);
          expect(r).toMatchObject({ status: 200, body: { lastMutationId: (batch + 1) * perBatch } });
        }
      }),
    );

    for (const server of [a, b]) {
      const reader = api(overHttp(server.url), tokens[1]!);
      const { changes } = await pullAll(reader, 'reader', 100);
      const seqs = changes.map((c) => c.seq as number);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      const keys = new Set(changes.map((c) => c.key as string));
      expect(keys.size).toBe(changes.length);
      expect(keys.size).toBe(clients.length * batches * (perBatch - 1) + 1);
      // The shared row holds the write with the greatest clock: the last batch of the client with the highest counter.
      const hot = changes.find((c) => c.key === 'hot');
      expect(hot.fields.name.v).toBe(`client-3 #${(batches - 1) * perBatch + 1}`);
      for (const c of clients) expect((await api(overHttp(server.url), c.token).pull(c.id)).body.lastMutationId).toBe(batches * perBatch);
    }
    // Pushes through A poked the stream held on B.
    await expect.poll(() => pokesOnB, { timeout: 5000 }).toBeGreaterThan(0);
    controller.abort();
  }, 60_000);
});

if (!HAS_PG) describe('two server instances on one PostgreSQL', () => it.skip(POSTGRES_MISSING_MESSAGE, () => undefined));
