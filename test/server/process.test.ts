/**
 * The server as people run it: `npm run server -- token …`, `npm start`'s first run, request logs that carry no
 * bodies or tokens, and a graceful SIGTERM that answers the push in flight before the database closes.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../lib/sync/shared/protocol';
import { api, overHttp, pullAll } from './helpers/api';
import { freshPgliteDir } from './helpers/pglite';
import { cliToken, runCli, startServerProcess, type ServerProcess } from './helpers/process';

const SECRET = 'Confidential renewal terms';
const bigBatch = (from: number): Mutation[] =>
  Array.from({ length: 500 }, (_, i) => ({
    id: from + i,
    op: 'append',
    table: 'events',
    key: `ev-${from + i}`,
    record: { id: `ev-${from + i}`, clientId: 'k0', name: 'contract_signed', at: 1_700_000_000_000, actor: 'Sam', payload: { note: `${SECRET} ${'x'.repeat(1500)}` } },
  }));

describe('the server process', () => {
  const dirs: string[] = [];
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('token command and graceful shutdown', () => {
    let dataDir: string;
    let token: string;
    beforeAll(async () => {
      dataDir = await freshPgliteDir();
      dirs.push(dataDir);
    });

    it('prints a new token as the last line, for a workspace and member it creates', async () => {
      token = await cliToken({ DATA_DIR: dataDir }, 'Acme', 'rep@acme.example', 'admin');
      expect(token).toMatch(/^baton_[A-Za-z0-9_-]{43}$/);
      await expect(runCli({ DATA_DIR: dataDir }, 'token', '--workspace', 'Acme', '--email', 'x@y.z', '--role', 'owner')).rejects.toThrow(/usage/);
    });

    it('serves with that token, and --first-run creates nothing when a workspace exists', async () => {
      server = await startServerProcess({ DATA_DIR: dataDir }, {}, ['--first-run']);
      expect(server.output()).not.toContain('My team');
      const me = await api(overHttp(server.url), token).me();
      expect(me).toMatchObject({ status: 200, body: { member: { email: 'rep@acme.example', role: 'admin' }, workspace: { name: 'Acme' } } });
    });

    it('finishes the push in flight on SIGTERM, then exits cleanly; logs carry no bodies or tokens', async () => {
      const client = api(overHttp(server!.url), token);
      const pushing = client.push('c1', bigBatch(1));
      await new Promise((r) => setTimeout(r, 30));
      const exited = server!.kill('SIGTERM');
      const answer = await pushing;
      expect(answer).toMatchObject({ status: 200, body: { lastMutationId: 500 } });
      expect(await exited).toBe(0);
      const log = server!.output();
      expect(log).toMatch(/POST \/v1\/push 200 \d+ms/);
      expect(log).toContain('SIGTERM');
      expect(log).not.toContain(SECRET);
      expect(log).not.toContain(token);
      expect(log).not.toContain(token.slice(6, 20));

      server = await startServerProcess({ DATA_DIR: dataDir });
      const after = await pullAll(api(overHttp(server.url), token), 'c1', 5000);
      expect(after.changes).toHaveLength(500);
      expect(after.last.lastMutationId).toBe(500);
      await server.kill('SIGINT');
    });

    it('revokes that member’s tokens from the command line; the server then refuses them', async () => {
      // The server above has stopped: PGlite takes one process per data directory.
      await expect(runCli({ DATA_DIR: dataDir }, 'revoke', '--workspace', 'Acme')).rejects.toThrow(/usage/);
      const out = await runCli({ DATA_DIR: dataDir }, 'revoke', '--workspace', 'Acme', '--email', 'rep@acme.example');
      expect(out).toContain('Revoked 1 token of rep@acme.example in workspace "Acme"');
      expect(out).not.toContain(token);
      await expect(runCli({ DATA_DIR: dataDir }, 'revoke', '--token', token)).rejects.toThrow(/nothing revoked/);
      server = await startServerProcess({ DATA_DIR: dataDir });
      expect((await api(overHttp(server.url), token).me()).status).toBe(401);
      expect(await server.kill('SIGTERM')).toBe(0);
      server = undefined;
    });
  });

  it('creates "My team" with an admin on the first run and says what to do next', async () => {
    const dataDir = await freshPgliteDir();
    dirs.push(dataDir);
    const first = await startServerProcess({ DATA_DIR: dataDir }, {}, ['--first-run']);
    try {
      const out = first.output();
      expect(out).toContain('My team');
      expect(out).toContain('Settings');
      expect(out).toContain(first.url.replace('127.0.0.1', 'localhost'));
      const token = out.split('\n').find((l) => l.startsWith('baton_'))!.trim();
      const me = await api(overHttp(first.url), token).me();
      expect(me).toMatchObject({ status: 200, body: { member: { role: 'admin' }, workspace: { name: 'My team' } } });
      // Its request log lines come after the token, and never contain it.
      await new Promise((r) => setTimeout(r, 50));
      expect(first.output().split(token)).toHaveLength(2);
    } finally {
      await first.kill('SIGTERM');
    }
  });
});

