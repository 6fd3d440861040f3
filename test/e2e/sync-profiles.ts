/**
 * Two browser profiles syncing through a real sync server process: used by `sync-two-profiles.test.ts` and by the
 * edit-to-other-panel latency benchmark in `bench/sync.bench.ts`.
 *
 * Settings are written to each profile's storage as `connectSyncServer` writes them after the permission grant:
 * Chromium's extension permission prompt cannot be answered from Playwright. The server's CORS admits the
 * extension's origin, so sync runs without the host permission in this test profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { cliToken, startServerProcess } from '../server/helpers/process';
import { CRM_URLS, launchBaton, waitForPanelRecord, type Baton } from './harness';
import { addStakeholder, fillRestOfHandover, fillText } from './harness/panel-actions';

export interface SyncServerProcess {
  url: string;
  /** The token issued for this member before the server started. */
  token(email: string): string;
  close(): Promise<void>;
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
  const tokens = new Map<string, string>();
  for (const m of members) tokens.set(m.email, await cliToken({ DATA_DIR: dataDir }, workspace, m.email, m.role));
  const server = await startServerProcess({ DATA_DIR: dataDir }, { RATE_LIMIT_MAX: '100000' });
  return {
    url: server.url,
    token: (email: string) => tokens.get(email)!,
    async close() {
      await Promise.race([server.kill('SIGTERM'), new Promise((r) => setTimeout(r, 5000))]);
      await server.kill('SIGKILL'); // a no-op once it has exited
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
  await fillRestOfHandover(panel);
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
