/**
 * Sync server push throughput over real HTTP on loopback, with the domain's field validation, on the embedded
 * PGlite store and on a PostgreSQL server (durable settings: fsync on). Four clients push 500-mutation batches
 * concurrently into one workspace; the figure is applied mutations per second.
 *
 * Target: ≥ 2,000 mutations/s on each store — a team of 50 pushing a full day's edits (~1,000 each) in under half a
 * minute, on one core of a small machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHlc } from '../lib/sync/shared/hlc';
import type { Mutation } from '../lib/sync/shared/protocol';
import { startServer } from '../server/start';
import { generateToken, hashToken } from '../server/tokens';
import { POSTGRES_MISSING_MESSAGE, postgresBinDir, startPostgres } from '../test/server/helpers/postgres';
import type { Benchmark, BenchResult } from './types';

const TARGET = 2000;
const CLIENTS = 4;
const BATCHES = 6;
const BATCH = 500;

function batch(client: number, index: number): Mutation[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const id = index * BATCH + i + 1;
    const hlc = formatHlc(1_700_000_000_000 + id, 0, `bench-${client}`);
    return {
      id,
      op: 'put',
      table: 'deals',
      key: `deal-${client}-${id}`,
      fields: {
        id: { v: `deal-${client}-${id}`, hlc },
        clientId: { v: `client-${id % 50}`, hlc },
        name: { v: `Renewal ${id}`, hlc },
        stage: { v: 'Negotiation', hlc },
        amount: { v: 1000 + id, hlc },
        createdAt: { v: 1_700_000_000_000, hlc },
      },
    } satisfies Mutation;
  });
}

async function measure(config: { dataDir?: string; databaseUrl?: string }): Promise<BenchResult> {
  const server = await startServer({ ...config, port: 0, host: '127.0.0.1', log: () => undefined, rateLimit: { max: 1e9, windowMs: 1000 } });
  try {
    const tokens: string[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const token = generateToken();
      await server.store.issueToken({ workspace: 'bench', email: `bench-${c}@example.com`, role: 'member' }, hashToken(token));
      tokens.push(token);
    }
    const bodies = tokens.map((_, c) => Array.from({ length: BATCHES }, (_, b) => JSON.stringify({ protocol: 1, clientId: `bench-${c}`, mutations: batch(c, b) })));
    const pushOne = async (c: number, b: number) => {
      const res = await fetch(`${server.url}/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[c]}`, 'content-type': 'application/json' },
        body: bodies[c]![b],
      });
      if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
      await res.json();
    };
    await pushOne(0, 0); // warm-up: JIT, statement plans, first pages
    const started = performance.now();
    const cpu = process.cpuUsage();
    await Promise.all(tokens.map(async (_, c) => {
      for (let b = c === 0 ? 1 : 0; b < BATCHES; b++) await pushOne(c, b);
    }));
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const mutations = (CLIENTS * BATCHES - 1) * BATCH;
    return {
      figure: Math.round(mutations / seconds),
      unit: 'mutations/s',
      target: TARGET,
      better: 'higher',
      note: `${mutations} mutations in ${(seconds * 1000).toFixed(0)} ms, ${CLIENTS} clients × 500-mutation batches; this process used ${cpuSeconds.toFixed(1)} CPU-s; load average ${loadavg()[0]!.toFixed(1)}`,
    };
  } finally {
    await server.close();
  }
}

const hasPostgres = postgresBinDir() !== null;
if (!hasPostgres) console.log(`server push throughput on PostgreSQL: skipped (${POSTGRES_MISSING_MESSAGE})`);

export const benchmarks: Benchmark[] = [
  {
    name: 'server push throughput, PGlite (embedded)',
    async run() {
      const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
      try {
        return await measure({ dataDir });
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
  ...(hasPostgres
    ? [
        {
          name: 'server push throughput, PostgreSQL (fsync on)',
          async run() {
            const cluster = await startPostgres({ durable: true });
            try {
              return await measure({ databaseUrl: await cluster.createDatabase('bench') });
            } finally {
              await cluster.stop();
            }
          },
        },
      ]
    : []),
];
