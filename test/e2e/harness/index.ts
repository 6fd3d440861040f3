/**
 * Real-browser test harness: Debian Chromium (playwright-core) with the built extension, and fake CRMs served
 * over HTTPS at their real host names.
 *
 * ```ts
 * import { afterAll, beforeAll, expect, test } from 'vitest';
 * import { CRM_URLS, launchBaton, panelRecord, screenshot, waitForPanelRecord, type Baton } from './harness';
 *
 * let baton: Baton;
 * beforeAll(async () => { baton = await launchBaton(); });   // one browser per test file
 * afterAll(() => baton?.close());
 *
 * test('the panel shows the opportunity', async () => {
 *   const page = await baton.openCrm(CRM_URLS.salesforce.opportunity);
 *   const panel = await baton.panelFrame(page);            // the panel iframe's Frame (closed shadow root and all)
 *   const record = await waitForPanelRecord(panel, (r) => !r.pending);
 *   expect(record.title).toBe('Acme – 200 Widgets');
 *   await screenshot(page, 'salesforce-opportunity');     // test-results/screenshots/salesforce-opportunity.png
 * });
 * ```
 *
 * - `launchBaton({ viewport?, spaDelayMs?, thirdPartyCookies? })` → `Baton`: builds `.output/chrome-mv3` once if it is missing (`npm test`
 *   builds first), starts the fake CRM on a free loopback port with a certificate made for the run, launches
 *   Chromium headless with the extension and `--host-resolver-rules` sending every CRM host to that server. Third-party
 *   cookies are blocked in the profile (Debian Chromium's default), which denies the panel iframe its own
 *   IndexedDB; pass `thirdPartyCookies: 'allow'` for Chrome's default for normal windows.
 *   - `baton.openCrm(url, viewport?)`: a new tab at a fake CRM URL (`CRM_URLS.<crm>.<page>`).
 *   - `baton.openExtensionPage('popup.html' | 'dashboard.html' | 'panel.html?mode=sidebar')`: a new tab at an
 *     extension page, for popup/dashboard/sync tests.
 *   - `baton.panelFrame(page)`: the panel iframe's `Frame` on a CRM page.
 *   - `baton.sendToActiveTab(msg)`: the background sends `msg` to the active tab's content script (what the
 *     `toggle-panel` command handler sends is `{ type: 'baton:toggle' }`); call `page.bringToFront()` first.
 *   - `baton.serviceWorker`: evaluate extension API calls in the background; `baton.extensionId`, `extensionOrigin`.
 *   - `baton.crm.route(url, { fixture: 'salesforce/opportunity-hostile-title.html' })`: serve another fixture (or a
 *     built non-record page) at a URL; `baton.crm.requests` lists every request (`spa: true` for SPA fetches).
 * - Fake CRM pages carry a tiny SPA router (spa-router.js): same-origin link clicks and
 *   `page.evaluate((u) => window.__spa.navigate(u), url)` change the URL with pushState and swap the page body
 *   without a reload, after `window.__spa.delayMs` (80 ms); `window.__setStage('Closed Won')` moves the record on
 *   its Path (Salesforce) or deal stage (HubSpot).
 * - `panelRecord(frame)` / `waitForPanelRecord(frame, predicate?)`: the record the panel holds, read from
 *   `data-baton-record` that entrypoints/panel/bridge.ts sets on the panel's root element.
 * - `panelBox(page)`: the panel iframe's bounding box in the CRM page (null while hidden).
 * - `screenshot(page, name)`: saves test-results/screenshots/<name>.png. Look at them.
 */
import type { Frame } from 'playwright-core';
import type { CrmRecordRef } from '../../../lib/crm/types';

export { launchBaton, screenshot, ensureBuilt, EXTENSION_DIR, SCREENSHOT_DIR, type Baton, type LaunchOptions } from './browser';
export { CRM_URLS, IDS, type PageSource } from './crm-pages';
export type { FakeCrmServer } from './crm-server';
export { dockState, focusLauncher, waitForDock, type Box, type DockState } from './dock';

/** What the panel shows as the current record (`data-baton-record`). */
export interface PanelRecord {
  ref: CrmRecordRef;
  title: string | null;
  stage: string | null;
  isWonStage: boolean | null;
  pending: boolean;
}

/** The panel's current record; null while it has none (not connected yet, or a non-record page). */
export async function panelRecord(frame: Frame): Promise<PanelRecord | null> {
  const raw = await frame.evaluate(() => document.documentElement.dataset.batonRecord ?? null);
  return raw && raw !== 'none' ? (JSON.parse(raw) as PanelRecord) : null;
}

/** Waits until the panel holds a record that satisfies `predicate` (any record by default), and returns it. */
export async function waitForPanelRecord(
  frame: Frame,
  predicate: (record: PanelRecord) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<PanelRecord> {
  const deadline = Date.now() + timeoutMs;
  let last: PanelRecord | null = null;
  for (;;) {
    last = await panelRecord(frame);
    if (last && predicate(last)) return last;
    if (Date.now() > deadline) throw new Error(`panel record never matched; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
