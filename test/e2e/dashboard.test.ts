/**
 * The dashboard in the real browser, with a seeded portfolio: triage filters, a client's page, the one-pager
 * (Markdown checked, print view captured), metrics, settings, backup export and import (a broken file changes
 * nothing and names the path; a good one is written and queued to sync), and "delete all local data".
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BACKUP_FORMAT } from '../../lib/db/backup';
import { dashboardPortfolio, FABRIKAM_ID, FABRIKAM_NAME } from '../fixtures/dashboard-portfolio';
import { launchBaton, screenshot, type Baton } from './harness';
import { seedExtensionDb } from './harness/seed';

const CLIENTS = 400;
let baton: Baton;
let page: Page;
const tables = dashboardPortfolio({ clients: CLIENTS });

/** Row counts straight from IndexedDB (what the page shows is checked separately). */
function counts(p: Page): Promise<Record<string, number>> {
  return p.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('baton');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const names = [...db.objectStoreNames];
    const out: Record<string, number> = {};
    await Promise.all(
      names.map(
        (n) =>
          new Promise<void>((resolve) => {
            const req = db.transaction(n).objectStore(n).count();
            req.onsuccess = () => {
              out[n] = req.result;
              resolve();
            };
          }),
      ),
    );
    db.close();
    return out;
  });
}

/** How many rows the windowed list holds (its rows carry aria-setsize), after React has applied the last input. */
async function shownCount(p: Page): Promise<number> {
  await p.waitForTimeout(50);
  return Number(await p.locator('.vrow').first().getAttribute('aria-setsize', { timeout: 5000 }));
}

beforeAll(async () => {
  baton = await launchBaton({ viewport: { width: 1280, height: 860 } });
  page = await baton.openExtensionPage('dashboard.html');
  await seedExtensionDb(page, tables);
  await page.reload();
  await page.getByTestId('triage-summary').filter({ hasText: 'clients need a look' }).waitFor();
});
afterAll(() => baton?.close());

describe('the dashboard', () => {
  test('the triage lists the clients that need a look, windowed, and filters by owner, CRM and stage', async () => {
    await expect(page.getByTestId('triage-summary').textContent()).resolves.toMatch(new RegExp(`of ${CLIENTS + 1} clients need a look`));
    const all = await shownCount(page);
    expect(all).toBeGreaterThan(100);
    // Only the rows in view are in the DOM.
    expect(await page.locator('.vrow').count()).toBeLessThan(30);
    await screenshot(page, 'dashboard-triage');

    await page.getByLabel('Owner', { exact: true }).selectOption('Casey CSM <casey@baton.test>');
    const mine = await shownCount(page);
    expect(mine).toBeLessThan(all);
    expect(mine).toBeGreaterThan(0);
    for (const owners of await page.locator('.trow-owners').allTextContents()) expect(owners).toContain('CS: Casey CSM');

    await page.getByLabel('CRM').selectOption('hubspot');
    const hub = await shownCount(page);
    expect(hub).toBeLessThanOrEqual(mine);
    for (const link of await page.locator('.trow-actions a[target=_blank]').allTextContents()) expect(link).toContain('HubSpot');

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByLabel('Stage').selectOption('Proposal');
    for (const stage of await page.locator('.trow-stage').allTextContents()) expect(stage).toBe('Proposal');

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('tab', { name: /Hand-overs/ }).click();
    expect(await shownCount(page)).toBeLessThan(all);
    await page.getByRole('tab', { name: /^All/ }).click();
    expect(await shownCount(page)).toBe(all);
  });

  test('a row opens the CRM record and the client’s page', async () => {
    await page.getByLabel('Find a client by name').fill('Fabrikam');
    expect(await shownCount(page)).toBe(1);
    const row = page.locator(`.trow[data-client-id="${FABRIKAM_ID}"]`);
    await expect(row.locator('a[target=_blank]').getAttribute('href')).resolves.toBe('https://acme.lightning.force.com/lightning/r/Account/0015g00000NWHLTHAA/view');
    await row.getByRole('link', { name: FABRIKAM_NAME, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: FABRIKAM_NAME }).waitFor();
    expect(page.url()).toContain(`#/client/${FABRIKAM_ID}`);
  });

  test('the client’s page shows hand-over history, objective versions, stakeholders, decisions and the timeline, and takes an event by hand', async () => {
    const expansion = page.getByRole('article', { name: 'Adoption → expansion hand-over' });
    await expect(expansion.textContent()).resolves.toMatch(/Submitted at 80%.*Rejected.*Dana has not confirmed she will sponsor the outpatient rollout/);
    await expect(page.locator('.versions').textContent()).resolves.toMatch(/Version 2 · current.*Version 1/);
    await expect(page.locator('.signatures').textContent()).resolves.toContain('older version');
    await expect(page.getByRole('region', { name: 'Misalignment signals' }).textContent()).resolves.toContain('Priya Shah');

    const before = await page.locator('.tl-item').count();
    await page.getByLabel('What happened').selectOption('executive_business_review_completed');
    await page.getByLabel('When').fill('2026-11-20');
    await page.getByLabel('Note (optional)').fill('Q4 review with Dana and Lee');
    await page.getByRole('button', { name: 'Add event' }).click();
    await expect.poll(() => page.locator('.tl-item').count()).toBe(before + 1);
    await expect(page.locator('.timeline').textContent()).resolves.toContain('Q4 review with Dana and Lee');
    const outbox = (await counts(page))['outbox'];
    expect(outbox).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'dashboard-client');
    await page.screenshot({ path: await screenshotPath('dashboard-client-full'), fullPage: true });
  });

  test('the one-pager exports as Markdown and prints cleanly', async () => {
    await page.getByRole('link', { name: 'One-pager' }).click();
    await page.locator('.sheet').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
    expect(download.suggestedFilename()).toBe('fabrikam-health-one-pager.md');
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md).toMatch(/^# Fabrikam Health: shared objective and the case for the next step\n/);
    expect(md).toContain('## The outcome we are working toward\n\nCut the hours ward managers spend on shift scheduling by half');
    expect(md).toContain('| Wards scheduling in Baton | at least 14 wards |');
    expect(md).toContain('| Scheduling hours per ward per week | at most 4 hours |');
    expect(md).toContain('- **Rollout order**: Lee Park');
    expect(md).toContain('### 3. How this next step builds on what we already run\n\n- In use today: Ward managers build and publish the weekly shift rota');
    expect(md).toContain('Scheduling time per ward fell from 9 to 5 hours a week (Q3 business review deck)');
    expect(md).not.toMatch(/hand-over|SLA/i);
    await screenshot(page, 'dashboard-one-pager');

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.topbar').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Download Markdown' }).isVisible()).resolves.toBe(false);
    await page.screenshot({ path: await screenshotPath('dashboard-one-pager-print'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  test('the metrics show numbers and charts', async () => {
    await page.goto(`${baton.extensionOrigin}/dashboard.html#/metrics`);
    await page.locator('.stats').waitFor();
    expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(6);
    await expect(page.locator('.stat').first().textContent()).resolves.toMatch(/Time to first value\d+ d/);
    await expect(page.getByRole('heading', { name: 'Net revenue retention by cohort' }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('nrr-none').count()).resolves.toBe(0);
    await screenshot(page, 'dashboard-metrics');
    await page.screenshot({ path: await screenshotPath('dashboard-metrics-full'), fullPage: true });
  });

  test('settings: export the database, refuse a broken import without changing anything, then import a good one', async () => {
    await page.goto(`${baton.extensionOrigin}/dashboard.html#/settings`);
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    await page.locator('textarea.code').waitFor();
    await screenshot(page, 'dashboard-settings');
    await page.screenshot({ path: await screenshotPath('dashboard-settings-full'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported).toMatchObject({ format: BACKUP_FORMAT, version: 1 });
    expect(exported.clients).toHaveLength(CLIENTS + 1);

    const before = await counts(page);
    const broken = { ...exported, stakeholders: exported.stakeholders.map((s: object, i: number) => (i === 12 ? { ...s, stance: 'sceptical' } : s)) };
    await page.getByLabel('Import a backup file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const issues = page.getByTestId('import-issues');
    await issues.waitFor();
    await expect(issues.textContent()).resolves.toContain('stakeholders[12].stance: expected one of "pro", "neutral", "against"; got "sceptical"');
    expect(await counts(page)).toEqual(before);
    await page.getByRole('alert').filter({ hasText: 'broken.json was not imported' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-import-broken');

    const now = Date.now();
    const good = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: now,
      clients: [{ id: 'C-IMPORTED', name: 'Contoso Imported', csOwner: 'Casey CSM <casey@baton.test>', createdAt: now }],
      stakeholders: [{ id: 'S-IMP-1', clientId: 'C-IMPORTED', name: 'Ana Lopez', title: 'CIO', roles: ['executive_sponsor'], influence: 'high', stance: 'pro', createdAt: now }],
    };
    await page.getByLabel('Import a backup file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await expect(page.getByTestId('import-summary').textContent()).resolves.toBe('1 clients added, 1 stakeholders added.');
    const after = await counts(page);
    expect(after['clients']).toBe(before['clients']! + 1);
    expect(after['outbox']).toBe(before['outbox']! + 2);

    await page.goto(`${baton.extensionOrigin}/dashboard.html#/`);
    await page.getByLabel('Find a client by name').fill('Contoso Imported');
    expect(await shownCount(page)).toBe(1);
  });

  test('every page reads at 360 px wide: nothing runs off the side, triage rows stack', async () => {
    await page.setViewportSize({ width: 360, height: 760 });
    try {
      for (const [route, name] of [
        ['#/', 'triage'],
        [`#/client/${FABRIKAM_ID}`, 'client'],
        [`#/one-pager/${FABRIKAM_ID}`, 'one-pager'],
        ['#/metrics', 'metrics'],
        ['#/settings', 'settings'],
      ] as const) {
        await page.goto(`${baton.extensionOrigin}/dashboard.html${route}`);
        await page.locator('h1').first().waitFor();
        await page.waitForTimeout(300);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} runs ${overflow}px off the side`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: await screenshotPath(`dashboard-360-${name}`), fullPage: name !== 'triage' });
      }
      await page.goto(`${baton.extensionOrigin}/dashboard.html#/`);
      const row = page.locator('.trow').first();
      await row.waitFor();
      // Stacked: the client's name above its issues, both inside the row's box.
      const [name, issues] = await Promise.all([row.locator('.trow-name').boundingBox(), row.locator('.trow-fact').boundingBox()]);
      expect(issues!.y).toBeGreaterThan(name!.y + name!.height);
      expect(issues!.x + issues!.width).toBeLessThanOrEqual(360);
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });

  test('the open triage follows a change made in another tab, without a reload', async () => {
    await page.goto(`${baton.extensionOrigin}/dashboard.html#/`);
    await page.getByLabel('Find a client by name').fill(FABRIKAM_NAME);
    const row = page.locator(`.trow[data-client-id="${FABRIKAM_ID}"]`);
    await row.waitFor();
    expect(await row.locator('[title*="Morgan Hale"]').count()).toBe(0);

    const other = await baton.openExtensionPage('dashboard.html#/settings');
    try {
      const now = Date.now();
      const file = {
        format: BACKUP_FORMAT,
        version: 1,
        exportedAt: now,
        stakeholders: [{ id: 'S-FAB-CFO', clientId: FABRIKAM_ID, name: 'Morgan Hale', title: 'CFO', roles: ['economic_buyer'], influence: 'high', stance: 'against', lastEngagedAt: now - 86_400_000, createdAt: now }],
      };
      await other.getByLabel('Import a backup file').setInputFiles({ name: 'cfo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await expect(other.getByTestId('import-summary').textContent()).resolves.toBe('1 stakeholders added.');
    } finally {
      await other.close();
    }
    // The import marked Fabrikam's summary dirty; the open triage rebuilt it and shows the new blocker.
    await row.locator('[title*="Morgan Hale (CFO) is against"]').waitFor({ timeout: 5000 });
    await expect(row.locator('.badge').first().textContent()).resolves.toContain('High-influence blocker');
  });

  test('delete all local data asks for the word, disconnects from the sync server, then empties every table', async () => {
    // Sync set up (a server that is not there: the background's attempts fail, which changes nothing here).
    await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void>; get(k: string): Promise<object> } } } }).chrome.storage.local.set({ 'baton.sync': { serverUrl: 'http://127.0.0.1:9', token: 'tok-e2e', workspaceId: 'w1' } }));
    await page.goto(`${baton.extensionOrigin}/dashboard.html#/settings`);
    const button = page.getByRole('button', { name: 'Delete all local data' });
    await expect(button.isDisabled()).resolves.toBe(true);
    const disconnect = page.getByLabel(/Also disconnect from the sync server/);
    await expect(disconnect.isChecked()).resolves.toBe(true);
    await page.getByText('This browser forgets 127.0.0.1:9 and its token, so nothing comes back.').waitFor();
    await page.getByLabel('Type “delete” to confirm').fill('delete');
    await page.locator('.danger-zone').screenshot({ path: await screenshotPath('dashboard-delete-all') });
    await button.click();
    await page.getByText('All local data was deleted. This browser is no longer connected to the sync server.').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void>; get(k: string): Promise<object> } } } }).chrome.storage.local.get('baton.sync'))).toEqual({});
    const left = await counts(page);
    expect(Object.values(left).every((n) => n === 0)).toBe(true);
    await page.goto(`${baton.extensionOrigin}/dashboard.html#/`);
    await page.getByText('No clients yet').first().waitFor();
  });
});

async function screenshotPath(name: string): Promise<string> {
  const { SCREENSHOT_DIR } = await import('./harness');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return `${SCREENSHOT_DIR}/${name}.png`;
}
