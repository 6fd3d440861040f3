/**
 * The server process killed (SIGKILL) while it applies a big push: after a restart the batch is there entirely or
 * not at all, and the client's retry completes it with nothing applied twice.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../lib/sync/shared/protocol';
import { api, overHttp, pullAll, tokenFor } from './helpers/api';
import { freshPgliteDir } from './helpers/pglite';
import { startServerProcess, type ServerProcess } from './helpers/process';
import { PGlite } from '@electric-sql/pglite';
import { pgliteDb } from '../../server/store/db';
import { Store } from '../../server/store/store';

/** 500 appends of about 1.6 KB: one full batch of about 0.8 MB. */
const batch = (prefix: string): Mutation[] =>
  Array.from({ length: 500 }, (_, i) => ({
    id: i + 1,
    op: 'append',
    table: 'events',
    key: `${prefix}-${i}`,
    record: { id: `${prefix}-${i}`, clientId: 'k0', name: 'contract_signed', at: 1_700_000_000_000, actor: 'Sam', payload: { note: 'x'.repeat(1500) } },
  }));

describe('the server killed in the middle of a push', () => {
  let dataDir: string;
  let token: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = await freshPgliteDir();
    const store = await Store.open(pgliteDb(await PGlite.create(dataDir)));
    token = await tokenFor(store, 'kill-test', 'member');
    await store.close();
    server = await startServerProcess({ DATA_DIR: dataDir });
  }, 90_000);

  afterAll(async () => {
    await server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies the batch all or nothing, and the retry completes it once', async () => {
    let cutOff = 0;
    for (const [i, delayMs] of [10, 40, 120].entries()) {
      const clientId = `client-${i}`;
      const mutations = batch(`k${i}`);
      const pushing = api(overHttp(server.url), token).push(clientId, mutations).then(
        (r) => r.status,
        () => 'cut off' as const,
      );
      await new Promise((r) => setTimeout(r, delayMs));
      await server.kill('SIGKILL');
      const outcome = await pushing;
      if (outcome === 'cut off') cutOff++;
      else expect(outcome).toBe(200);

      server = await startServerProcess({ DATA_DIR: dataDir });
      const client = api(overHttp(server.url), token);
      const mine = async () => {
        const { changes, last } = await pullAll(client, clientId, 5000);
        const keys = changes.filter((c) => c.key.startsWith(`k${i}-`)).map((c) => c.key as string);
        return { count: keys.length, distinct: new Set(keys).size, last: last.lastMutationId as number };
      };
      const after = await mine();
      expect([0, 500]).toContain(after.count);
      expect(after.last).toBe(after.count);
      if (outcome === 200) expect(after.count).toBe(500);

      // The client's retry: the same batch again.
      expect(await client.push(clientId, mutations)).toMatchObject({ status: 200, body: { lastMutationId: 500 } });
      expect(await mine()).toEqual({ count: 500, distinct: 500, last: 500 });
    }
    // The test only means something if at least one push was cut off by the kill.
    expect(cutOff).toBeGreaterThan(0);
  }, 120_000);
});
