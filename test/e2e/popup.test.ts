/**
 * The toolbar popup in a real Chromium: opened (as popup.html in a tab) over a fake Salesforce opportunity, it
 * pre-fills the client, logs a decision with the keyboard alone, reopens it, circulates it, and the queue and the
 * badge follow. Then, over a page that is no CRM record, the client is picked by typing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CRM_URLS, IDS, launchBaton, screenshot, type Baton } from './harness';
import { seedExtensionDb } from './harness/seed';

const NOW = Date.now();
const H = 3_600_000;
const ME = { name: 'Casey CSM', email: 'casey@baton.test' };
const oppRef = { crm: 'salesforce', instance: 'acme', object: 'opportunity', id: IDS.salesforce.opportunity } as const;
const POPUP = { width: 380, height: 600 };

const rows = {
  clients: [
    { id: 'c-acme', name: 'Acme Corporation', salesOwner: 'Sam Rep <sam@baton.test>', csOwner: `${ME.name} <${ME.email}>`, createdAt: NOW - 90 * 24 * H },
    { id: 'c-globex', name: 'Globex Logistics', salesOwner: 'Sam Rep <sam@baton.test>', createdAt: NOW - 90 * 24 * H },
    { id: 'c-initech', name: 'Initech Labs', createdAt: NOW - 90 * 24 * H },
  ],
  crmLinks: [{ ...oppRef, id: `salesforce:acme:opportunity:${oppRef.id}`, recordId: oppRef.id, clientId: 'c-acme', dealId: 'deal-acme', title: 'Acme – 200 Widgets', createdAt: NOW - 90 * 24 * H }],
  deals: [{ id: 'deal-acme', clientId: 'c-acme', crmRef: oppRef, name: 'Acme – 200 Widgets', createdAt: NOW - 90 * 24 * H }],
  stakeholders: [
    { id: 's-dana', clientId: 'c-acme', name: 'Dana Whitfield', title: 'COO', email: 'dana@acme.example', roles: ['executive_sponsor'], createdAt: NOW - 80 * 24 * H },
    { id: 's-raj', clientId: 'c-acme', name: 'Raj Patel', title: 'IT Director', roles: ['technical_owner'], createdAt: NOW - 80 * 24 * H },
  ],
  handoffs: [
    // Submitted to me a week ago with a 2-business-day SLA: urgent, and the badge shows it.
    { id: 'h-1', kind: 'close_to_onboarding', clientId: 'c-globex', senderOwner: 'Sam Rep <sam@baton.test>', receiverOwner: `${ME.name} <${ME.email}>`, status: 'submitted', values: {}, slaBusinessDays: 2, createdAt: NOW - 8 * 24 * H, submittedAt: NOW - 7 * 24 * H },
  ],
};

let baton: Baton;
let crmTab: Page;
let popup: Page;

/** Every row of a table, read with the raw IndexedDB API in an extension page. */
function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (t) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('baton');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction(t).objectStore(t).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    table,
  );
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const label = el?.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    return { tag: el?.tagName ?? '', label: el?.getAttribute('aria-label') ?? label ?? '', text: el?.textContent ?? '' };
  });

/** Press Tab until the focused element's accessible label starts with `prefix` (keyboard only, like a user). */
async function tabTo(page: Page, prefix: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).label.startsWith(prefix)) return;
  }
  throw new Error(`never reached “${prefix}” with Tab; last: ${JSON.stringify(await focused(page))}`);
}

async function openPopup(): Promise<Page> {
  const page = await baton.context.newPage();
  await page.setViewportSize(POPUP);
  await page.goto(`${baton.extensionOrigin}/popup.html`);
  await page.waitForFunction(() => document.documentElement.dataset.batonInteractive !== undefined);
  return page;
}

const badge = () =>
  baton.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));

beforeAll(async () => {
  baton = await launchBaton();
  const setup = await baton.openExtensionPage('popup.html');
  await seedExtensionDb(setup, rows);
  await setup.evaluate((me) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ 'baton.profile': me }), ME);
  await setup.close();
  crmTab = await baton.openCrm(CRM_URLS.salesforce.opportunity);
  await baton.panelFrame(crmTab); // the content script is up and answers "what record is this?"
});
afterAll(() => baton?.close());

describe('over a Salesforce opportunity', () => {
  test('opens into the decision form, focused in the title, with the client from the record', async () => {
    popup = await openPopup();
    expect(await focused(popup)).toMatchObject({ tag: 'INPUT', label: 'Decision' });
    await popup.getByText('From the open Salesforce opportunity').waitFor();
    expect(await popup.locator('.picker-value strong').textContent()).toBe('Acme Corporation');
    await popup.getByText('Accept or reject: Close → onboarding').waitFor();
    await screenshot(popup, 'popup-opened-over-salesforce');
  });

  test('logs a decision with the keyboard alone in under 10 seconds', async () => {
    const t0 = Date.now();
    await popup.keyboard.type('Go-live moves to 1 March');
    await popup.keyboard.press('Tab');
    await popup.keyboard.type('Dana');
    await popup.keyboard.press('Enter');
    await popup.locator('.decision-new').waitFor();
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeLessThan(10_000);

    const decisions = await readTable<{ title: string; clientId: string; owner: unknown; source: string }>(popup, 'decisions');
    expect(decisions).toEqual([
      expect.objectContaining({ title: 'Go-live moves to 1 March', clientId: 'c-acme', owner: { kind: 'stakeholder', stakeholderId: 's-dana', name: 'Dana Whitfield' }, source: 'meeting' }),
    ]);
    // Focus is back in an empty title, ready for the next one.
    expect(await focused(popup)).toMatchObject({ label: 'Decision' });
    expect(await popup.locator('.df-title').inputValue()).toBe('');
    await expect.poll(() => popup.locator('.decision-new .badge').textContent()).toMatch(/^2[34] h left$/);
    await popup.getByText('Circulate: Go-live moves to 1 March').waitFor();
    await screenshot(popup, 'popup-logged');
  });

  test('reopens the decision as a new decision that reopens it, shown as a quick reopen', async () => {
    await tabTo(popup, 'Reopen “Go-live moves to 1 March”');
    await popup.keyboard.press('Enter');
    await popup.getByText('Reopening').waitFor();
    expect(await focused(popup)).toMatchObject({ label: 'Decision' });
    expect(await popup.locator('.df-title').inputValue()).toBe('Go-live moves to 1 March');
    await popup.keyboard.press('Control+A');
    await popup.keyboard.type('Go-live moves to 15 March');
    await screenshot(popup, 'popup-reopening');
    await popup.keyboard.press('Enter');
    await popup.getByText('Reopened within 7 days of “Go-live moves to 1 March”').waitFor();

    const decisions = await readTable<{ id: string; title: string; reopens?: string }>(popup, 'decisions');
    const old = decisions.find((d) => d.title === 'Go-live moves to 1 March')!;
    expect(decisions.find((d) => d.title === 'Go-live moves to 15 March')).toMatchObject({ reopens: old.id });
    const events = await readTable<{ name: string; payload: { decisionId: string; reopens?: string } }>(popup, 'events');
    expect(events.filter((e) => e.name === 'decision_reopened')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ reopens: old.id }) })]);
  });

  test('circulates it: the summary goes to the clipboard, it is recorded, and the queue changes', async () => {
    const queueBefore = await popup.locator('.queue > li').allTextContents();
    expect(queueBefore.filter((t) => t.includes('Circulate: Go-live moves to 15 March'))).toHaveLength(1);

    // Chromium grants no clipboard-read to extension origins from the test side: keep a copy of what the page writes
    // (the real write still happens).
    await popup.evaluate(() => {
      const w = window as unknown as { __clip: Record<string, string> };
      const write = navigator.clipboard.write.bind(navigator.clipboard);
      navigator.clipboard.write = async (items: ClipboardItems) => {
        w.__clip = {};
        for (const item of items) for (const type of item.types) w.__clip[type] = await (await item.getType(type)).text();
        return write(items);
      };
    });
    await tabTo(popup, 'Copy summary of “Go-live moves to 15 March”');
    await popup.keyboard.press('Enter');
    await popup.getByText('Summary of “Go-live moves to 15 March” copied. Marked as circulated.').waitFor();

    const written = await popup.evaluate(() => (window as unknown as { __clip: Record<string, string> }).__clip);
    expect(Object.keys(written).sort()).toEqual(['text/html', 'text/plain']);
    expect(written['text/html']).toContain('<strong>Owner:</strong> Dana Whitfield');
    const clip = written['text/plain']!;
    expect(clip.split('\n')[0]).toBe('**Decision (reopened): Go\\-live moves to 15 March**');
    expect(clip).toContain('- **Owner:** Dana Whitfield');
    expect(clip).toContain('- **Client:** Acme Corporation');
    expect(clip).toContain('[Open the record](https://acme.lightning.force.com/lightning/r/Opportunity/');

    const events = await readTable<{ name: string; actor: string; payload: { decisionId: string } }>(popup, 'events');
    const decisions = await readTable<{ id: string; title: string }>(popup, 'decisions');
    const reopened = decisions.find((d) => d.title === 'Go-live moves to 15 March')!;
    expect(events.filter((e) => e.name === 'decision_circulated')).toEqual([
      expect.objectContaining({ actor: 'Casey CSM <casey@baton.test>', payload: { decisionId: reopened.id } }),
    ]);

    await expect.poll(() => popup.locator('.queue > li').allTextContents()).not.toContainEqual(expect.stringContaining('Circulate: Go-live moves to 15 March'));
    const queueAfter = await popup.locator('.queue > li').allTextContents();
    expect(queueAfter.some((t) => t.includes('Circulate: Go-live moves to 1 March'))).toBe(true);
    expect(queueAfter.some((t) => t.includes('Accept or reject: Close → onboarding'))).toBe(true);
    expect(await popup.locator('.decisions li', { hasText: 'Go-live moves to 15 March' }).locator('.badge').textContent()).toBe('Circulated');
    await screenshot(popup, 'popup-circulated');
  });

  test('offers an e-mail to the owners with their addresses', async () => {
    const href = await popup.locator('.decisions li', { hasText: 'Go-live moves to 1 March' }).getByText(/^Email owners/).getAttribute('href');
    const url = new URL(href!);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('dana@acme.example');
    expect(url.searchParams.get('subject')).toBe('Decision: Go-live moves to 1 March (Acme Corporation)');
  });

  test('the toolbar badge counts the urgent items of my queue', async () => {
    await expect.poll(badge, { timeout: 10_000 }).toBe('1');
  });
});

describe('over a page that is no CRM record', () => {
  test('picks the client by typing, with arrows and Enter, then logs', async () => {
    await popup.close();
    const blank = await baton.context.newPage();
    await blank.goto(CRM_URLS.salesforce.home);
    const p = await openPopup();
    expect(await focused(p)).toMatchObject({ label: 'Decision' });
    await p.keyboard.type('Quarterly review moves to Fridays');
    await p.keyboard.press('Enter');
    await p.getByText('Choose a client first: type its name or CRM id.').waitFor();
    expect(await focused(p)).toMatchObject({ label: 'Client' });
    await p.keyboard.type('glo');
    await p.locator('.combo-option').first().waitFor();
    await screenshot(p, 'popup-client-search');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowUp');
    await p.keyboard.press('Enter');
    expect(await p.locator('.picker-value strong').textContent()).toBe('Globex Logistics');
    expect(await focused(p)).toMatchObject({ label: 'Decision' });
    // The client's people (its sales owner is a teammate) are loaded before the owner is typed.
    await p.getByText('No decisions logged for this client yet.').waitFor();
    await p.keyboard.press('Tab');
    await p.keyboard.type('Sam Rep');
    await p.keyboard.press('Enter');
    await p.locator('.decision-new').waitFor();
    const decisions = await readTable<{ title: string; clientId: string; owner: unknown }>(p, 'decisions');
    expect(decisions.find((d) => d.title === 'Quarterly review moves to Fridays')).toMatchObject({
      clientId: 'c-globex',
      owner: { kind: 'member', name: 'Sam Rep', email: 'sam@baton.test' },
    });
    await screenshot(p, 'popup-picked-client');
    // The whole popup, queue included, as it would scroll.
    await p.setViewportSize({ width: 380, height: 1000 });
    await screenshot(p, 'popup-full');
  });
});

describe('over a record linked to no client', () => {
  test('offers to create its client, or links it to the client picked above', async () => {
    const account = await baton.openCrm(CRM_URLS.salesforce.account);
    await baton.panelFrame(account);
    const p = await openPopup();
    await p.getByText('This Salesforce account is not linked to a client yet. Pick its client above to link it, or:').waitFor();
    expect(await p.getByRole('button', { name: /^Create “/ }).count()).toBe(1);
    await p.getByRole('combobox', { name: 'Client' }).fill('Initech');
    await p.locator('.combo-option').first().waitFor();
    await p.keyboard.press('Enter');
    expect(await p.locator('.picker-value strong').textContent()).toBe('Initech Labs');
    const link = p.getByRole('button', { name: 'Link it to “Initech Labs”' });
    await screenshot(p, 'popup-link-record');
    await link.click();
    // Linked: the popup now pre-fills the record's client, as on every later visit.
    await p.getByText('From the open Salesforce account').waitFor();
    expect(await link.count()).toBe(0);
    const links = await readTable<{ object: string; recordId: string; clientId: string }>(p, 'crmLinks');
    expect(links.find((l) => l.object === 'account' && l.recordId === IDS.salesforce.account)).toMatchObject({ clientId: 'c-initech' });
    await p.close();
    await account.close();
  });
});
