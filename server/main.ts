/**
 * `npm run server` — the sync server on `PORT` (default 8787), data in PGlite under `DATA_DIR` (default `.data/`) or
 * in the PostgreSQL at `DATABASE_URL`.
 *
 * `npm run server -- token --workspace <name> --email <email> --role <admin|member|viewer> [--name <name>]` creates
 * the workspace and member when needed and prints a new token as the last line.
 *
 * `npm run server -- revoke --workspace <name> --email <email>` revokes every token of that member;
 * `npm run server -- revoke --token <token>` revokes one. Requests with a revoked token get 401 at once, and an open
 * event stream ends at its next keep-alive. On the embedded database, stop the server first (one process at a time).
 *
 * `npm start` runs this with `--first-run`: when the database has no workspace yet, it creates "My team" with an admin
 * and prints that admin's token and what to do with it.
 *
 * Other settings (env): `HOST` (default 0.0.0.0), `RATE_LIMIT_MAX` (120) per `RATE_LIMIT_WINDOW_MS` (10000),
 * `KEEPALIVE_MS` (25000).
 */
import { parseArgs } from 'node:util';
import { RoleSchema } from '../lib/sync/shared/protocol';
import { openStore, startServer, type StoreConfig } from './start';
import type { Store } from './store/store';
import { generateToken, hashToken } from './tokens';

const env = process.env;
const storeConfig: StoreConfig = env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR || '.data' };
const where = storeConfig.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${storeConfig.dataDir}`;

const intEnv = (name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
};

async function issue(store: Store, input: { workspace: string; email: string; name?: string; role: 'admin' | 'member' | 'viewer' }) {
  const token = generateToken();
  const auth = await store.issueToken(input, hashToken(token));
  return { token, auth };
}

async function tokenCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { workspace: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  });
  const role = RoleSchema.safeParse(values.role);
  if (!values.workspace || !values.email || !role.success) {
    console.error('usage: npm run server -- token --workspace <name> --email <email> --role <admin|member|viewer> [--name <name>]');
    process.exit(2);
  }
  const store = await openStore(storeConfig);
  try {
    const { token, auth } = await issue(store, { workspace: values.workspace, email: values.email, name: values.name, role: role.data });
    console.log(`Token for ${auth.member.email} (${auth.member.role}) in workspace "${auth.workspace.name}", stored in ${where}.`);
    console.log('It is shown once; the server keeps only its hash.');
    console.log(token);
  } finally {
    await store.close();
  }
}

async function revokeCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { workspace: { type: 'string' }, email: { type: 'string' }, token: { type: 'string' } } });
  const byMember = values.workspace !== undefined && values.email !== undefined;
  if (byMember === (values.token !== undefined)) {
    console.error('usage: npm run server -- revoke --workspace <name> --email <email>   (every token of that member)');
    console.error('       npm run server -- revoke --token <token>                     (that token)');
    process.exit(2);
  }
  const store = await openStore(storeConfig);
  try {
    const revoked = byMember
      ? await store.revokeTokens({ workspace: values.workspace!, email: values.email! })
      : await store.revokeTokens({ tokenHash: hashToken(values.token!) });
    const whose = byMember ? `${values.email} in workspace "${values.workspace}"` : 'that token';
    if (revoked === 0) {
      console.error(`No active token of ${whose} in ${where}: nothing revoked.`);
      process.exitCode = 1; // after the store closes
      return;
    }
    console.log(`Revoked ${revoked} ${revoked === 1 ? 'token' : 'tokens'} of ${whose}, in ${where}. Requests with ${revoked === 1 ? 'it' : 'them'} now get 401.`);
  } finally {
    await store.close();
  }
}

async function serveCommand(firstRun: boolean): Promise<void> {
  const port = intEnv('PORT', 8787);
  const store = await openStore(storeConfig);
  let firstToken: string | null = null;
  if (firstRun && (await store.workspaceCount()) === 0) {
    firstToken = (await issue(store, { workspace: 'My team', email: 'admin@localhost', name: 'Admin', role: 'admin' })).token;
  }
  const server = await startServer({
    store,
    port,
    host: env.HOST || '0.0.0.0',
    rateLimit: { max: intEnv('RATE_LIMIT_MAX', 120), windowMs: intEnv('RATE_LIMIT_WINDOW_MS', 10_000) },
    keepAliveMs: intEnv('KEEPALIVE_MS', 25_000),
  });
  const url = `http://localhost:${server.port}`;
  console.log(`Baton sync server listening on ${url} (protocol 1), data in ${where}`);
  if (firstToken) {
    console.log('');
    console.log('Created workspace "My team" with an admin (admin@localhost). Next:');
    console.log("  1. Load the extension (.output/chrome-mv3) and open Baton's dashboard → Settings.");
    console.log(`  2. Paste the server URL ${url} and this token (shown once), then "Test connection".`);
    console.log('  3. Teammates: npm run server -- token --workspace "My team" --email <their email> --role member');
    console.log('');
    console.log(firstToken);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then closing the database`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'token') await tokenCommand(rest);
  else if (command === 'revoke') await revokeCommand(rest);
  else if (command !== undefined && command !== '--first-run') {
    console.error(`Unknown command "${command}". Commands: (none) to serve, token, revoke, --first-run`);
    process.exit(2);
  } else await serveCommand(process.argv.includes('--first-run'));
} catch (err) {
  console.error(`Baton server: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
