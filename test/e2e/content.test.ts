/**
 * The content script in a real Chromium on fake Salesforce Lightning and HubSpot pages: where the panel docks,
 * what it is told, how it follows SPA navigation and the Path, and what the CRM page's own scripts can (not) do.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CRM_URLS,
  dockState,
  focusLauncher,
  launchBaton,
  panelRecord,
  screenshot,
  waitForDock,
  waitForPanelRecord,
  type Baton,
  type Box,
} from './harness';

let baton: Baton;
beforeAll(async () => {
  baton = await launchBaton();
});
afterAll(() => baton?.close());

const SF = CRM_URLS.salesforce;
const HS = CRM_URLS.hubspot;

/** Boxes of page elements, as the CRM page lays them out. */
function rects(page: Page, selectors: string[]): Promise<(Box | null)[]> {
  return page.evaluate(
    (sels) =>
      sels.map((s) => {
        const el = document.querySelector(s);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    selectors,
  );
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Opens a record page and waits until the panel holds its facts. */
async function openRecord(url: string, title: string): Promise<{ page: Page; panel: Frame }> {
  const page = await baton.openCrm(url);
  const panel = await baton.panelFrame(page);
  await waitForPanelRecord(panel, (r) => !r.pending && r.title === title);
  return { page, panel };
}

describe('on a Salesforce Lightning opportunity', () => {
  let page: Page;
  let panel: Frame;
  beforeAll(async () => {
    ({ page, panel } = await openRecord(SF.opportunity, 'Acme – 200 Widgets'));
  });
  afterAll(() => page?.close());

  test('the panel docks right, below the global header and tab bar, without covering them or the Path', async () => {
    const dock = await waitForDock(page, (s) => s.panel !== null);
    const [header, tabs, path, content] = await rects(page, ['#oneHeader', '.oneAppNavContainer', '.oneContent.active .slds-path', '.oneCenterStage']);
    const box = dock.panel!;
    expect(box.width).toBe(360);
    expect(box.x + box.width).toBe(1280);
    expect(box.y).toBe(Math.round(tabs!.y + tabs!.height));
    expect(box.y + box.height).toBe(800);
    for (const r of [header, tabs, path, content]) expect(intersects(box, r!)).toBe(false);
    expect(dock.launcher).toBeNull();
    await screenshot(page, 'salesforce-opportunity-1280');
  });

  test('the panel is told the record: ref, title and stage', async () => {
    expect(await panelRecord(panel)).toEqual({
      ref: { crm: 'salesforce', instance: 'acme', object: 'opportunity', objectName: 'Opportunity', id: '0065g00000ABcdEAAT' },
      title: 'Acme – 200 Widgets',
      stage: 'Proposal/Price Quote',
      isWonStage: false,
      pending: false,
    });
  });

  test('the panel sees the deal move to Closed Won on the Path', async () => {
    await page.evaluate(() => (window as unknown as { __setStage(s: string): void }).__setStage('Closed Won'));
    const record = await waitForPanelRecord(panel, (r) => r.isWonStage === true);
    expect(record).toMatchObject({ stage: 'Closed Won', title: 'Acme – 200 Widgets' });
    await screenshot(page, 'salesforce-opportunity-closed-won');
  });

  test('pushState navigation to the account and back updates the record without re-creating the iframe', async () => {
    await panel.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const loads = baton.crm.requests.filter((r) => !r.spa).length;

    await page.evaluate((url) => (window as unknown as { __spa: { navigate(u: string): Promise<void> } }).__spa.navigate(url), SF.account);
    const account = await waitForPanelRecord(panel, (r) => r.ref.object === 'account' && !r.pending);
    expect(account).toMatchObject({ title: 'Acme Corporation', stage: null, isWonStage: null });
    await screenshot(page, 'salesforce-account-after-spa');

    await page.goBack(); // popstate: the fake Lightning renders the opportunity again
    await waitForPanelRecord(panel, (r) => r.ref.object === 'opportunity' && r.title === 'Acme – 200 Widgets' && !r.pending);

    expect(await baton.panelFrame(page)).toBe(panel);
    expect(await panel.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await dockState(page)).toMatchObject({ hosts: 1, iframes: 1 });
    expect(baton.crm.requests.filter((r) => !r.spa).length).toBe(loads);
  });

  test('a home page reached by a link hides the panel, and the next record shows it again', async () => {
    await page.click('a[title="Home"]');
    await page.waitForURL(SF.home);
    const hidden = await waitForDock(page, (s) => s.panel === null);
    expect(hidden).toMatchObject({ hosts: 1, iframes: 1, launcher: null });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.oneCenterStage')!).marginRight)).toBe('0px');
    expect(await panelRecord(panel)).toBeNull();
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    await screenshot(page, 'salesforce-home-after-spa');

    await page.evaluate((url) => (window as unknown as { __spa: { navigate(u: string): Promise<void> } }).__spa.navigate(url), SF.opportunity);
    await waitForDock(page, (s) => s.panel !== null);
    await waitForPanelRecord(panel, (r) => r.title === 'Acme – 200 Widgets' && !r.pending);
    expect(await dockState(page)).toMatchObject({ hosts: 1, iframes: 1 });
  });

  test("the CRM page's own scripts cannot find, read or drive the panel", async () => {
    const seen = await page.evaluate(() => {
      const host = document.querySelector('baton-panel');
      let frameDocument = 'readable';
      try {
        void window.frames[0]!.document.body;
      } catch {
        frameDocument = 'blocked';
      }
      return {
        iframes: document.querySelectorAll('iframe').length,
        hostFound: host !== null,
        shadowRoot: host?.shadowRoot ?? null,
        frameDocument,
        frames: window.frames.length,
        // the nonce rides in the iframe's URL fragment: it must not leak through the page's own timeline
        leakedUrls: performance.getEntries().map((e) => e.name).filter((n) => n.includes('panel.html')),
      };
    });
    // An iframe inside a shadow tree is not in window.frames, so the page has no handle on the panel's window.
    expect(seen).toMatchObject({ iframes: 0, hostFound: true, shadowRoot: null, frames: 0 });
    expect(seen.leakedUrls.filter((u) => u.includes('#'))).toEqual([]);

    // Had it one, its messages would still be ignored: a fake record posted to the window, and a fake hello from
    // the parent with a guessed nonce and a port of its own (replayed inside the panel with the parent as source,
    // the CRM's origin and a port, which is all a page script could ever produce).
    const outcome = await panel.evaluate(async () => {
      const fake = {
        type: 'baton:record',
        ref: { crm: 'salesforce', instance: 'evil', object: 'opportunity', objectName: 'Opportunity', id: '0065g00000ABcdEAAT' },
        title: 'Injected',
        stage: 'Closed Won',
        isWonStage: true,
        crmOrigin: 'https://acme.lightning.force.com',
        pending: false,
      };
      const fromPage = (data: unknown, ports: MessagePort[] = []) =>
        window.dispatchEvent(new MessageEvent('message', { data, source: window.parent, origin: 'https://acme.lightning.force.com', ports }));
      const settle = () => new Promise((r) => setTimeout(r, 100));
      fromPage(fake);
      const guessed = new MessageChannel();
      fromPage({ type: 'baton:hello', nonce: '00000000-0000-4000-8000-000000000000' }, [guessed.port2]);
      guessed.port1.postMessage(fake);
      await settle();
      const afterFakes = document.documentElement.dataset.batonRecord;
      // Control: the same replay with the real nonce is accepted, so the rejections above were the checks at work.
      const known = new MessageChannel();
      fromPage({ type: 'baton:hello', nonce: location.hash.slice(1) }, [known.port2]);
      known.port1.postMessage(fake);
      await settle();
      return { afterFakes, afterControl: document.documentElement.dataset.batonRecord };
    });
    expect(JSON.parse(outcome.afterFakes!)).toMatchObject({ title: 'Acme – 200 Widgets', ref: { instance: 'acme' } });
    expect(JSON.parse(outcome.afterControl!)).toMatchObject({ title: 'Injected' });
  });

  test('the keyboard command toggles the panel through the background', async () => {
    await page.bringToFront();
    expect(await baton.sendToActiveTab({ type: 'baton:toggle' })).toEqual({ open: false });
    const closed = await waitForDock(page, (s) => s.panel === null && s.launcher !== null);
    expect(closed.launcher!.x + closed.launcher!.width).toBe(1280);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.oneCenterStage')!).marginRight)).toBe('0px');
    await screenshot(page, 'salesforce-collapsed');
    expect(await baton.sendToActiveTab({ type: 'baton:toggle' })).toEqual({ open: true });
    await waitForDock(page, (s) => s.panel !== null && s.launcher === null);
  });
});

test('a record named <img src=x onerror=alert(1)> arrives as text and runs nothing', async () => {
  const dialogs: string[] = [];
  const page = await baton.context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(SF.hostile);
  const panel = await baton.panelFrame(page);
  const record = await waitForPanelRecord(panel, (r) => !r.pending);
  expect(record.title).toBe('<img src=x onerror=alert(1)>');
  await panel.locator('.record-title').filter({ hasText: '<img src=x onerror=alert(1)>' }).waitFor({ timeout: 5_000 });
  expect(await panel.locator('img[src="x"]').count()).toBe(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  await screenshot(page, 'salesforce-hostile-title');
  await page.close();
});

test('a home page loaded directly mounts no panel at all', async () => {
  const page = await baton.openCrm(SF.home);
  await page.waitForTimeout(500);
  expect(await dockState(page)).toMatchObject({ hosts: 0, iframes: 0 });
  expect(page.frames()).toHaveLength(1);
  await page.close();
});

test('Escape collapses the panel; the launcher is dragged and moved by keys; both are remembered across a reload', async () => {
  const { page, panel } = await openRecord(SF.closedWon, 'Initech Platform Deal');
  await page.mouse.click(1100, 700); // focus the panel as a user would, by clicking into it
  await page.keyboard.press('Escape');
  const collapsed = await waitForDock(page, (s) => s.panel === null && s.launcher !== null);
  const start = collapsed.launcher!;

  // Drag it up by 150 px with the mouse.
  const cx = start.x + start.width / 2;
  const cy = start.y + start.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx, cy - 60, { steps: 4 });
  await page.mouse.move(cx, cy - 150, { steps: 4 });
  await page.mouse.up();
  const dragged = await waitForDock(page, (s) => s.launcher !== null && Math.abs(s.launcher.y - (start.y - 150)) <= 1);
  expect(dragged.panel).toBeNull(); // a drag is not a click

  // And down by two keyboard steps (16 px each).
  await focusLauncher(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const moved = await waitForDock(page, (s) => Math.abs(s.launcher!.y - (dragged.launcher!.y + 32)) <= 1);
  await screenshot(page, 'salesforce-launcher-moved');

  await page.reload();
  const panelAfter = await baton.panelFrame(page);
  await waitForPanelRecord(panelAfter, (r) => r.title === 'Initech Platform Deal');
  const restored = await waitForDock(page, (s) => s.launcher !== null);
  expect(restored.panel).toBeNull();
  expect(Math.abs(restored.launcher!.y - moved.launcher!.y)).toBeLessThanOrEqual(1);

  // Enter on the focused launcher opens the panel again, and that is remembered too.
  await focusLauncher(page);
  await page.keyboard.press('Enter');
  await waitForDock(page, (s) => s.panel !== null && s.launcher === null);
  await page.reload();
  await baton.panelFrame(page);
  await waitForDock(page, (s) => s.panel !== null);
  await page.close();
});

test('on a narrow window the panel floats over the page, still below the header', async () => {
  const page = await baton.openCrm(SF.account, { width: 900, height: 700 });
  const panel = await baton.panelFrame(page);
  await waitForPanelRecord(panel, (r) => r.title === 'Acme Corporation');
  const dock = await waitForDock(page, (s) => s.panel !== null);
  const [tabs] = await rects(page, ['.oneAppNavContainer']);
  expect(dock.panel!.y).toBe(Math.round(tabs!.y + tabs!.height));
  expect(dock.panel!.x + dock.panel!.width).toBe(900);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.oneCenterStage')!).marginRight)).toBe('0px');
  await screenshot(page, 'salesforce-account-900-overlay');
  await page.close();
});

describe('on a HubSpot deal', () => {
  test('the panel docks below the navigation, follows the deal stage and SPA navigation to the company', async () => {
    const { page, panel } = await openRecord(HS.deal, 'Acme – Annual Plan');
    expect(await panelRecord(panel)).toMatchObject({
      ref: { crm: 'hubspot', instance: '1234567', object: 'opportunity', objectName: '0-3', id: '987654' },
      stage: 'Contract sent',
      isWonStage: false,
    });
    const dock = await waitForDock(page, (s) => s.panel !== null);
    const [nav, main] = await rects(page, ['#hs-nav-v4', '#main-content']);
    expect(dock.panel!.y).toBe(Math.round(nav!.y + nav!.height));
    expect(intersects(dock.panel!, nav!)).toBe(false);
    expect(intersects(dock.panel!, main!)).toBe(false);
    await screenshot(page, 'hubspot-deal-1280');

    await page.evaluate(() => (window as unknown as { __setStage(s: string): void }).__setStage('Closed won'));
    await waitForPanelRecord(panel, (r) => r.stage === 'Closed won' && r.isWonStage === true);

    await page.evaluate((url) => (window as unknown as { __spa: { navigate(u: string): Promise<void> } }).__spa.navigate(url), HS.company);
    const company = await waitForPanelRecord(panel, (r) => r.ref.object === 'account' && !r.pending);
    expect(company.ref.id).toBe('5550001');
    expect(company.title).not.toBe('Acme – Annual Plan');
    expect(await dockState(page)).toMatchObject({ hosts: 1, iframes: 1 });
    await screenshot(page, 'hubspot-company-after-spa');
    await page.close();
  });
});

describe('in the browser side panel', () => {
  test('the panel page follows the active tab’s record through the background', async () => {
    const crm = await baton.openCrm(SF.opportunity);
    await waitForPanelRecord(await baton.panelFrame(crm), (r) => !r.pending);
    const side = await baton.openExtensionPage('panel.html?mode=sidebar');
    // The side panel page is the active tab now: it shows no record.
    await side.waitForFunction(() => document.documentElement.dataset.batonRecord === 'none');
    await crm.bringToFront(); // tabs.onActivated → the background relays the CRM tab's record
    await side.waitForFunction(() => document.documentElement.dataset.batonRecord?.includes('"Acme – 200 Widgets"'));

    await crm.evaluate((url) => (window as unknown as { __spa: { navigate(u: string): Promise<void> } }).__spa.navigate(url), SF.account);
    await side.waitForFunction(() => document.documentElement.dataset.batonRecord?.includes('"Acme Corporation"'));
    await screenshot(side, 'side-panel-page-following-account');
    await side.close();
    await crm.close();
  });

  test("the panel's own action opens Chrome's side panel (a user gesture in the iframe) and collapses the in-page panel", async () => {
    const { page, panel } = await openRecord(SF.account, 'Acme Corporation');
    await page.bringToFront();
    await panel.getByRole('button', { name: /side panel/i }).click();
    await waitForDock(page, (s) => s.panel === null && s.launcher !== null);
    // The side panel's document registers a moment after `sidePanel.open` resolves: poll for it.
    const sidePanels = () =>
      baton.serviceWorker.evaluate(async () => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<{ documentUrl?: string }[]> } } }).chrome.runtime;
        return (await runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c) => c.documentUrl);
      });
    await expect.poll(async () => (await sidePanels()).some((u) => u?.includes('panel.html?mode=sidebar')), { timeout: 10_000 }).toBe(true);
    // Collapsing is remembered per CRM: open it again for the tests after this one.
    await baton.sendToActiveTab({ type: 'baton:toggle' });
    await waitForDock(page, (s) => s.panel !== null);
    await page.close();
  });
});

// Last: it reloads the extension, which ends this file's service worker.
test('after the extension is reloaded, the orphaned content script removes its dock quietly', async () => {
  const page = await baton.openCrm(SF.opportunity);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(`${m.text()} @ ${m.location().url}`)));
  await waitForPanelRecord(await baton.panelFrame(page), (r) => !r.pending);
  await baton.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
  await waitForDock(page, (s) => s.hosts === 0 && s.iframes === 0, 8_000);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.oneCenterStage')!).marginRight)).toBe('0px');
  // The content script must not throw "Extension context invalidated" (errors from the orphaned panel page are its own).
  expect(errors.filter((e) => e.includes('content-scripts/crm.js'))).toEqual([]);
  await page.close();
});
