/**
 * Debian's Chromium with the built extension loaded, pointed at the fake CRM server. See index.ts for the API.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { CRM_HOST_PATTERNS, startCrmServer, type FakeCrmServer } from './crm-server';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const EXTENSION_DIR = join(REPO_ROOT, '.output', 'chrome-mv3');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the extension once when `.output/chrome-mv3` is missing (`npm test` builds before vitest). */
export function ensureBuilt(): void {
  if (existsSync(join(EXTENSION_DIR, 'manifest.json'))) return;
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export interface LaunchOptions {
  /** Viewport of every page (default 1280 × 800). */
  viewport?: { width: number; height: number };
  /** Fake CRM render delay after an SPA navigation (ms, default 80). */
  spaDelayMs?: number;
  /**
   * The profile's third-party cookie setting. Default `block`, as Debian's Chromium ships and as Incognito and
   * many users run Chrome: the panel iframe (an extension page embedded in the CRM site) is then denied
   * IndexedDB and localStorage ("The user denied permission to access the database"), host permissions or not,
   * which is why it reaches the database through the background (lib/data/port). `allow` is Chrome's default
   * for normal windows: the iframe then opens the extension's own, unpartitioned storage.
   */
  thirdPartyCookies?: 'allow' | 'block';
}

export interface Baton {
  context: BrowserContext;
  /** The extension's id, from its service worker's URL. */
  extensionId: string;
  /** `chrome-extension://<id>` */
  extensionOrigin: string;
  /** The background service worker (evaluate in it to call extension APIs as the background would). */
  serviceWorker: Worker;
  crm: FakeCrmServer;
  /** A new tab at `url` (a fake CRM URL), loaded. */
  openCrm(url: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** A new tab at an extension page: `openExtensionPage('popup.html')`, `'dashboard.html#/settings'`. */
  openExtensionPage(path: string): Promise<Page>;
  /** The panel iframe's Frame on a CRM page (found through page.frames(): it sits in a closed shadow root). */
  panelFrame(page: Page, timeoutMs?: number): Promise<Frame>;
  /** Sends `message` from the background to the active tab's content script, as the background's command handler does. */
  sendToActiveTab(message: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** Launches Chromium with the built extension and a fresh profile, and starts the fake CRM. */
export async function launchBaton(options: LaunchOptions = {}): Promise<Baton> {
  ensureBuilt();
  const crm = await startCrmServer({ delayMs: options.spaDelayMs });
  const profile = mkdtempSync(join(tmpdir(), 'baton-profile-'));
  const block = options.thirdPartyCookies !== 'allow';
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: block ? 1 : 0, block_third_party_cookies: block } }),
  );
  const rules = CRM_HOST_PATTERNS.map((h) => `MAP ${h} 127.0.0.1:${crm.port}`).join(', ');
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      ignoreHTTPSErrors: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        `--host-resolver-rules=${rules}`,
        '--ignore-certificate-errors',
      ],
    });
  } catch (err) {
    await crm.close();
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  const extensionOrigin = `chrome-extension://${extensionId}`;
  // The persistent context opens with one blank tab; close it so "the active tab" is always one a test opened.
  for (const p of context.pages()) await p.close();

  return {
    context,
    extensionId,
    extensionOrigin,
    serviceWorker,
    crm,
    async openCrm(url, size) {
      const page = await context.newPage();
      if (size) await page.setViewportSize(size);
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${path.replace(/^\//, '')}`);
      return page;
    },
    async panelFrame(page, timeoutMs = 10_000) {
      const prefix = `${extensionOrigin}/panel.html`;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const frame = page.frames().find((f) => f.url().startsWith(prefix));
        if (frame) return frame;
        if (Date.now() > deadline) throw new Error(`no panel iframe on ${page.url()} after ${timeoutMs} ms`);
        await page.waitForTimeout(50);
      }
    },
    sendToActiveTab(message) {
      return serviceWorker.evaluate(async (msg) => {
        type Tabs = {
          query(q: object): Promise<{ id?: number }[]>;
          sendMessage(id: number, m: unknown, o: object): Promise<unknown>;
        };
        const c = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
        const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return c.tabs.sendMessage(tab.id, msg, { frameId: 0 });
      }, message);
    },
    async close() {
      await context.close().catch(() => undefined);
      await crm.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-viewport screenshot to test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
