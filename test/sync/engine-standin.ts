/**
 * A stand-in sync server used only until `server/` lands: SYNC.md's endpoints over node:http with the shared merge
 * and validation code, state in memory. The engine tests run against the real server (`engine-helpers.ts`) when it
 * exists; this keeps them runnable before that.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyMutation, type RowState } from '../../lib/sync/merge';
import {
  MAX_PULL_LIMIT,
  PullRequestSchema,
  PushEnvelopeSchema,
  protocolOf,
  type Change,
} from '../../lib/sync/protocol';
import { domainTableRules } from '../../lib/sync/table-rules';
import { validateMutation } from '../../lib/sync/validate';

interface Member {
  workspace: string;
  email: string;
  role: 'admin' | 'member' | 'viewer';
}

interface Workspace {
  rows: Map<string, { table: Change['table']; key: string; state: RowState; seq: number }>;
  seq: number;
  lastMutation: Map<string, number>;
  listeners: Set<ServerResponse>;
}

export async function startStandInServer() {
  const tokens = new Map<string, Member>();
  const workspaces = new Map<string, Workspace>();
  const ws = (name: string): Workspace => {
    let w = workspaces.get(name);
    if (!w) workspaces.set(name, (w = { rows: new Map(), seq: 0, lastMutation: new Map(), listeners: new Set() }));
    return w;
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };

  const server = createServer(async (req, res) => {
    const path = req.url ?? '';
    if (path === '/v1/health') return send(res, 200, { ok: true, protocol: 1 });
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const member = token ? tokens.get(token) : undefined;
    if (!member) return send(res, 401, { error: 'unauthorized' });
    const w = ws(member.workspace);
    if (path === '/v1/me') {
      return send(res, 200, {
        member: { id: member.email, email: member.email, name: member.email, role: member.role },
        workspace: { id: member.workspace, name: member.workspace },
      });
    }
    if (path === '/v1/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': hi\n\n');
      w.listeners.add(res);
      req.on('close', () => w.listeners.delete(res));
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return send(res, 400, { error: 'bad_json' });
    }
    if (protocolOf(body) === 'unsupported') return send(res, 426, { error: 'protocol_unsupported', supported: [1] });
    if (path === '/v1/push') {
      const env = PushEnvelopeSchema.safeParse(body);
      if (!env.success) return send(res, 422, { error: 'invalid_request', issues: [] });
      if (member.role === 'viewer') return send(res, 403, { error: 'forbidden', reason: 'viewer' });
      const checked = [];
      for (const raw of env.data.mutations) {
        const c = validateMutation(raw, domainTableRules);
        if (!c.ok) return send(res, 422, { error: 'invalid_mutation', mutationId: c.mutationId, issues: c.issues });
        checked.push(c.mutation);
      }
      let last = w.lastMutation.get(env.data.clientId) ?? 0;
      let expected = last + 1;
      for (const m of checked) {
        if (m.id <= last) continue;
        if (m.id !== expected) return send(res, 409, { error: 'mutation_gap', lastMutationId: last });
        expected++;
      }
      for (const m of checked) {
        if (m.id <= last) continue;
        const id = `${m.table}/${m.key}`;
        const before = w.rows.get(id);
        const next = applyMutation(before?.state, m);
        if (next !== before?.state) w.rows.set(id, { table: m.table, key: m.key, state: next, seq: ++w.seq });
        last = m.id;
      }
      w.lastMutation.set(env.data.clientId, last);
      for (const l of w.listeners) l.write('event: poke\ndata: {}\n\n');
      return send(res, 200, { lastMutationId: last });
    }
    if (path === '/v1/pull') {
      const p = PullRequestSchema.safeParse(body);
      if (!p.success) return send(res, 422, { error: 'invalid_request', issues: [] });
      const from = p.data.cursor ? Number(p.data.cursor) : 0;
      const limit = Math.min(p.data.limit ?? 1000, MAX_PULL_LIMIT);
      const all = [...w.rows.values()].filter((r) => r.seq > from).sort((a, b) => a.seq - b.seq);
      const page = all.slice(0, limit);
      const cursor = String(page.at(-1)?.seq ?? from);
      return send(res, 200, {
        cursor,
        more: all.length > limit,
        lastMutationId: w.lastMutation.get(p.data.clientId) ?? 0,
        changes: page.map((r) => ({ table: r.table, key: r.key, fields: r.state.fields, deleted: r.state.deleted, seq: r.seq })),
      });
    }
    send(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async token(workspace: string, email: string, role: Member['role']) {
      const t = `t_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
      tokens.set(t, { workspace, email, role });
      return t;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
