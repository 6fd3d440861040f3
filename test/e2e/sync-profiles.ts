/**
 * Two browser profiles syncing through a real sync server process: used by `sync-two-profiles.test.ts` and by the
 * edit-to-other-panel latency benchmark in `bench/sync.bench.ts`.
 *
 * Settings are written to each profile's storage as `connectSyncServer` writes them after the permission grant:
 * Chromium's extension permission prompt cannot be answered from Playwright. The server's CORS admits the
 * extension's origin, so sync runs without the host permission in this test profile.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Frame, Page } from 'playwright-core';
import { REPO_ROOT } from './harness/browser';
import { CRM_URLS, launchBaton, waitForPanelRecord, type Baton } from './harness';
import { addStakeholder, fillText, pickPerson } from './harness/panel-actions';

const run = promisify(execFile);
const serverArgs = (...args: string[]) => ['--import', 'tsx', join(REPO_ROOT, 'server/main.ts'), ...args];

export interface SyncServerProcess {
  url: string;
  /** The token issued for this member before the server started. */
  token(email: string): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * `npm run server` as a child process on a free port, PGlite in a temporary directory. Tokens are issued with the
 * `token` subcommand before the server starts (PGlite holds its directory while it runs), so list them up front.
 */
export async function startSyncServerProcess(
  members: { email: string; role: 'admin' | 'member' | 'viewer' }[],
  workspace = 'Acme team',
): Promise<SyncServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-sync-e2e-'));
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
  const tokens = new Map<string, string>();
  for (const m of members) {
    const out = await run(process.execPath, serverArgs('token', '--workspace', workspace, '--email', m.email, '--role', m.role), { cwd: REPO_ROOT, env });
    tokens.set(m.email, out.stdout.trim().split('\n').at(-1)!.trim());
  }
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, serverArgs(), {
    cwd: REPO_ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', RATE_LIMIT_MAX: '100000' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/v1/health`)).ok) break;
    } catch {
      // not yet
    }
    if (child.exitCode !== null || Date.now() > end) throw new Error(`sync server did not start: ${stderr.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    token: (email: string) => tokens.get(email)!,
    async close() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Point a profile at the server (as Settings → Sync → Connect leaves it) and name its user. */
export async function connectProfile(baton: Baton, url: string, token: string, person: { name: string; email: string }) {
  const me = (await (await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { workspace: { id: string } };
  await baton.serviceWorker.evaluate(
    async ({ settings, profile }) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ 'baton.sync': settings, 'baton.profile': profile });
    },
    { settings: { serverUrl: url, token, workspaceId: me.workspace.id }, profile: person },
  );
}

/**
 * Launch a profile connected to the server. No other extension page is opened: the in-page panel itself listens
 * for the server's pokes, so what a teammate does shows in it live.
 */
export async function launchSyncedProfile(url: string, token: string, person: { name: string; email: string }) {
  const baton = await launchBaton();
  await connectProfile(baton, url, token, person);
  return { baton };
}

/** Open the Salesforce opportunity and wait for its panel. */
export async function openOpportunity(baton: Baton): Promise<{ page: Page; panel: Frame }> {
  const page = await baton.openCrm(CRM_URLS.salesforce.opportunity);
  const panel = await baton.panelFrame(page);
  await waitForPanelRecord(panel, (r) => !r.pending);
  return { page, panel };
}




export const USE_CASE = 'The tier-one support team routes every inbound ticket in Zendesk by product line to cut first response time';

/** The rep's whole close → onboarding hand-over, as `panel.test.ts` fills it: client, three stakeholders, 8 fields. */
export async function createAndFillHandover(panel: Frame) {
  await panel.getByRole('button', { name: 'Create client' }).click();
  await panel.getByRole('heading', { name: 'Close to onboarding' }).waitFor();
  await panel.getByRole('tab', { name: /People/ }).click();
  await addStakeholder(panel, { name: 'Dana Ruiz', title: 'COO', role: 'Executive sponsor', influence: 'High', stance: 'For us' });
  await addStakeholder(panel, { name: 'Lee Chen', title: 'IT Director', role: 'Technical owner', influence: 'High', stance: 'Neutral' });
  await addStakeholder(panel, { name: 'Sam Patel', title: 'Support Lead', role: 'Operating owner', influence: 'Low', stance: 'For us' });
  await panel.getByRole('tab', { name: /Hand-over/ }).click();
  await fillText(panel, 'Verified use case', USE_CASE);
  await pickPerson(panel, 'Executive sponsor', 'Dana Ruiz — COO');
  await pickPerson(panel, 'Technical owner', 'Lee Chen — IT Director');
  await panel.getByRole('button', { name: 'Fill Success criteria' }).click();
  await panel.getByRole('button', { name: 'Add a criterion' }).click();
  await panel.getByLabel('Criterion 1 metric').fill('Weekly active usage');
  await panel.getByLabel('Criterion 1 target').fill('70');
  await panel.getByLabel('Criterion 1 unit').fill('%');
  await panel.getByLabel('Criterion 1 due day').fill('90');
  await panel.getByLabel('Criterion 1 validated by').selectOption('customer_validated');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByRole('button', { name: 'Edit Success criteria' }).waitFor();
  await panel.getByRole('button', { name: 'Fill Integration scope' }).click();
  await panel.getByLabel('Integration scope, one per line').fill('Zendesk: read tickets\nOkta: SSO');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByRole('button', { name: 'Fill Stakeholder map' }).click();
  await panel.getByRole('button', { name: 'Mark reviewed' }).click();
  await fillText(panel, 'Original buying motivation', 'They promised their board a twenty percent cut in support cost this year');
  await panel.getByRole('button', { name: 'Fill Contractual commitments' }).click();
  await panel.getByLabel('Contractual commitments, one per line').fill('None beyond the standard contract');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
}

/** Milliseconds from the rep saving a new text to the CSM's open panel showing it, `times` times. */
export async function measureEditLatency(repPanel: Frame, csmPanel: Frame, times: number): Promise<number[]> {
  const field = csmPanel.locator('[data-field="buying_motivation"]');
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const text = `Board promise, revision ${i} ${Math.random().toString(36).slice(2, 8)}`;
    await repPanel.getByRole('button', { name: 'Edit Original buying motivation' }).click();
    await repPanel.getByLabel('Original buying motivation', { exact: true }).fill(text);
    const start = Date.now();
    await repPanel.getByRole('button', { name: 'Save', exact: true }).click();
    await field.getByText(text).waitFor({ timeout: 30_000 });
    out.push(Date.now() - start);
    await repPanel.getByRole('button', { name: 'Edit Original buying motivation' }).waitFor();
  }
  return out;
}
