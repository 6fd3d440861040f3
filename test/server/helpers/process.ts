/**
 * The real server as a child process: `node --import tsx server/main.ts`, one process, so a signal reaches the
 * server itself (`npx tsx` forks twice and a SIGKILL would only kill the wrapper).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './postgres';

export const ROOT = join(import.meta.dirname, '../../..');
const run = promisify(execFile);
const args = (...rest: string[]) => ['--import', 'tsx', join(ROOT, 'server/main.ts'), ...rest];

export type StoreEnv = { DATA_DIR: string; DATABASE_URL?: '' } | { DATABASE_URL: string };

/** Runs a CLI command (`token …`) to completion; returns its stdout. */
export async function runCli(env: StoreEnv, ...rest: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, args(...rest), { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env } });
  return stdout;
}

/** `token --workspace … --email … --role …`, returning the last line of output (the token). */
export async function cliToken(env: StoreEnv, workspace: string, email: string, role: string): Promise<string> {
  const out = await runCli(env, 'token', '--workspace', workspace, '--email', email, '--role', role);
  return out.trim().split('\n').at(-1)!.trim();
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process ended. */
  exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

/** Starts the server and resolves once `/v1/health` answers. */
export async function startServerProcess(env: StoreEnv, extraEnv: Record<string, string> = {}, extraArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, args(...extraArgs), {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', HOST: '127.0.0.1', PORT: String(port), ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server process did not start:\n${out.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => out,
    exited,
    kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
