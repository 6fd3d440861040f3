/** A tiny test client over `app.request` (in-process) or `fetch` (a real server): raw status and JSON body. */
import type { Hono } from 'hono';
import { PROTOCOL_VERSION, type Mutation } from '../../../lib/sync/shared/protocol';
import { generateToken, hashToken } from '../../../server/tokens';
import type { Store } from '../../../server/store/store';

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export type Requester = (path: string, init?: RequestInit) => Promise<Response>;

export const inProcess = (app: Hono<any>): Requester => async (path, init) => app.request(path, init);
export const overHttp = (baseUrl: string): Requester => (path, init) => fetch(`${baseUrl}${path}`, init);

export function api(request: Requester, token?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const res = await request(path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: json, headers: res.headers };
  };
  return {
    token,
    call,
    health: () => call('GET', '/v1/health'),
    me: () => call('GET', '/v1/me'),
    push: (clientId: string, mutations: Mutation[] | unknown[]) => call('POST', '/v1/push', { protocol: PROTOCOL_VERSION, clientId, mutations }),
    pull: (clientId: string, cursor: string | null = null, limit?: number) =>
      call('POST', '/v1/pull', { protocol: PROTOCOL_VERSION, clientId, cursor, ...(limit ? { limit } : {}) }),
  };
}

let seq = 0;
/** A new token for a member of `workspace` (created if needed). */
export async function tokenFor(store: Store, workspace: string, role: 'admin' | 'member' | 'viewer', email = `${role}-${++seq}@example.com`) {
  const token = generateToken();
  await store.issueToken({ workspace, email, role }, hashToken(token));
  return token;
}

/** Pulls from null until `more` is false; returns all changes and the final answer. */
export async function pullAll(client: ReturnType<typeof api>, clientId: string, limit?: number) {
  let cursor: string | null = null;
  const changes: any[] = [];
  for (;;) {
    const r = await client.pull(clientId, cursor, limit);
    if (r.status !== 200) throw new Error(`pull answered ${r.status}: ${JSON.stringify(r.body)}`);
    changes.push(...r.body.changes);
    cursor = r.body.cursor;
    if (!r.body.more) return { changes, last: r.body };
  }
}
