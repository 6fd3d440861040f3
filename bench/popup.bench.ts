/**
 * The popup must be usable the moment it opens: with 5,000 clients and 50,000 decisions (plus their events,
 * hand-overs, stakeholders… about 190,000 rows) in the extension's database, seeded in the real browser, the popup
 * is interactive — decision form rendered with the focus in the title, and the client search built (from the search
 * cache the previous opening refreshed, lib/search/cache.ts) — within 150 ms of opening. Measured in the page: the `baton:interactive` mark (entrypoints/popup/perf.ts) is relative to
 * `performance.timeOrigin`, i.e. to the start of the popup page's navigation. Median of 9 openings after one
 * warm-up (the first opening also compiles the code cache), each a fresh page over a linked Salesforce opportunity
 * tab, as the toolbar popup would be.
 *
 * The note also gives: focus in the title alone, the record's client pre-filled, my queue ready (computed after
 * the popup is interactive), and one client-search keystroke over the 5,000 clients.
 */
import type { Page } from 'playwright-core';
import { launchBaton } from '../test/e2e/harness';
import { seedExtensionDb } from '../test/e2e/harness/seed';
import { generatePortfolio } from './fixtures/portfolio';
import { median, type Benchmark } from './types.ts';

const OPENINGS = 9;

interface Opening {
  script: number;
  interactive: number;
  focused: number;
  prefilled: number;
  queue: number;
}

async function open(page: Page, url: string): Promise<Opening> {
  await page.goto(url);
  // When the active record's client shows in the picker (polled every frame).
  const prefilled = (await (
    await page.waitForFunction(
      () => {
        const chip = document.querySelector('.picker-value strong')?.textContent;
        return chip && chip !== '…' ? performance.now() : null;
      },
      undefined,
      { timeout: 20_000, polling: 'raf' },
    )
  ).jsonValue()) as number;
  const handle = await page.waitForFunction(
    () => {
      // No named inner functions here: tsx would wrap them in a `__name` helper the page does not have.
      const interactive = performance.getEntriesByName('baton:interactive')[0]?.startTime;
      const queue = performance.getEntriesByName('baton:queue-ready')[0]?.startTime;
      const chip = document.querySelector('.picker-value strong')?.textContent;
      if (interactive === undefined || queue === undefined || !chip || chip === '…') return null;
      const focused = document.activeElement?.classList.contains('df-title') ? performance.getEntriesByName('baton:form-focused')[0]?.startTime : undefined;
      const script = performance.getEntriesByName('baton:script')[0]?.startTime ?? -1;
      return { script, interactive, focused: focused ?? -1, queue };
    },
    undefined,
    { timeout: 20_000, polling: 'raf' },
  );
  return { ...((await handle.jsonValue()) as Omit<Opening, 'prefilled'>), prefilled };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'popup: open → interactive (5k clients, 50k decisions)',
    async run() {
      const portfolio = generatePortfolio({ clients: 5000, decisionsPerClient: 10, now: Date.now() });
      const rows = Object.values(portfolio.tables).reduce((n, t) => n + t.length, 0);
      const baton = await launchBaton({ viewport: { width: 380, height: 600 } });
      try {
        const setup = await baton.openExtensionPage('popup.html');
        await seedExtensionDb(setup, portfolio.tables);
        await setup.evaluate((me) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ 'baton.profile': me }), portfolio.me);
        await setup.close();

        // The tab the popup opens over: a Salesforce opportunity linked to a client (of "me", so the queue is full).
        const link = portfolio.tables.crmLinks.find((l) => l.crm === 'salesforce' && l.object === 'opportunity' && l.clientId === portfolio.tables.clients[0]!.id)
          ?? portfolio.tables.crmLinks.find((l) => l.crm === 'salesforce' && l.object === 'opportunity')!;
        const recordUrl = `https://acme.lightning.force.com/lightning/r/Opportunity/${link.id.split(':').pop()}/view`;
        baton.crm.route(recordUrl, { fixture: 'salesforce/opportunity-cached.html' });
        const crm = await baton.openCrm(recordUrl);
        await baton.panelFrame(crm);

        const url = `${baton.extensionOrigin}/popup.html`;
        const runs: Opening[] = [];
        for (let i = 0; i <= OPENINGS; i++) {
          const page = await baton.context.newPage();
          const r = await open(page, url);
          if (r.focused < 0) throw new Error('the title did not have the focus');
          // Each opening refreshes the search cache for the next one; let it finish, as a user's popup would.
          await page.waitForFunction(() => performance.getEntriesByName('baton:search-cached').length > 0, undefined, { timeout: 30_000 });
          if (i > 0) runs.push(r);
          await page.close();
          await crm.bringToFront();
        }

        // One keystroke of client search over all 5,000 clients, in the page (Change → type).
        const page = await baton.context.newPage();
        await open(page, url);
        await page.getByRole('button', { name: 'Change' }).click();
        await page.getByRole('combobox', { name: 'Client' }).waitFor();
        const keystroke = await page.evaluate(async () => {
          const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          const times: number[] = [];
          for (const q of ['a', 'ac', 'acm', 'acme', 'acme l', 'acme la']) {
            const t0 = performance.now();
            setter.call(input, q);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
            if (!document.querySelector('.combo-option')) throw new Error(`no result for ${q}`);
            times.push(performance.now() - t0);
          }
          return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
        });
        await page.close();

        const med = (f: (o: Opening) => number) => Math.round(median(runs.map(f)));
        return {
          figure: Math.round(median(runs.map((r) => r.interactive)) * 10) / 10,
          unit: 'ms',
          target: 150,
          better: 'lower',
          note: `median of ${runs.length}, max ${Math.round(Math.max(...runs.map((r) => r.interactive)))} ms; script ran ${med((r) => r.script)} ms, title focused ${med((r) => r.focused)} ms, client pre-filled ${med((r) => r.prefilled)} ms, queue ${med((r) => r.queue)} ms, search keystroke ${keystroke.toFixed(1)} ms; ${rows.toLocaleString('en')} rows`,
        };
      } finally {
        await baton.close();
      }
    },
  },
];
