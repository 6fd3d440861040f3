/**
 * The weekly triage must open at once over a whole portfolio: 5,000 clients with 50,000 decisions (and their
 * events, hand-overs, stakeholders, objectives… about 200,000 rows) seeded in the real browser's extension
 * database, the dashboard's triage has its rows in the DOM within 300 ms. Measured in the page with performance
 * marks (entrypoints/dashboard/perf.ts): from `baton:dashboard:start` (the page script's first line) to
 * `baton:triage:rendered` (a layout effect once the rows are committed). The note also gives the span from
 * navigation start, which adds loading and compiling the page's script. Median of 9 openings of a fresh tab after
 * one warm-up (the first also fills the code cache).
 *
 * What the figure is: the dashboard opens on the snapshot of the triage it decided on the last visit
 * (stale-while-revalidate, `useTriage` in entrypoints/dashboard/data.ts) and replaces it with the fresh one, read in
 * bulk from the tables and decided in one pass. The note gives that fresh render too, and the warm-up's first open
 * with no snapshot, so neither is hidden: reading ~100,000 rows from IndexedDB is what takes seconds on a slow
 * machine, and no rule can skip the stakeholders, links and deals of every client.
 */
import type { Page } from 'playwright-core';
import { launchBaton } from '../test/e2e/harness';
import { seedExtensionDb } from '../test/e2e/harness/seed';
import { dashboardPortfolio } from '../test/dashboard/portfolio';
import { median, type Benchmark } from './types.ts';

const OPENINGS = 9;

interface Opening {
  /** From navigation start to the triage's rows in the DOM. */
  rendered: number;
  /** From navigation start to the freshly decided triage's rows in the DOM. */
  fresh: number;
  /** From the script's first line to the same point. */
  fromScript: number;
  listed: string;
}

async function open(page: Page, url: string): Promise<Opening> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    // No named function inside: tsx (esbuild keepNames) would wrap it in a `__name` helper the page does not have.
    () => {
      const rendered = performance.getEntriesByName('baton:triage:rendered')[0]?.startTime;
      const fresh = performance.getEntriesByName('baton:triage:fresh-rendered')[0]?.startTime;
      const start = performance.getEntriesByName('baton:dashboard:start')[0]?.startTime;
      const rows = document.querySelectorAll('.vrow').length;
      if (rendered === undefined || fresh === undefined || start === undefined || rows === 0) return null;
      return { rendered, fresh, fromScript: rendered - start, listed: document.querySelector('[data-testid="triage-summary"]')?.textContent ?? '' };
    },
    undefined,
    { timeout: 30_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as Opening;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'dashboard: triage first render (5k clients, 50k decisions)',
    async run() {
      const tables = dashboardPortfolio({ clients: 5000, decisionsPerClient: 10 });
      const rows = Object.values(tables).reduce((n, t) => n + t.length, 0);
      const baton = await launchBaton({ viewport: { width: 1280, height: 800 } });
      try {
        const setup = await baton.openExtensionPage('dashboard.html');
        await seedExtensionDb(setup, tables);
        // The setup page saw an empty database and kept a snapshot of it; forget it, so the warm-up is a cold open.
        await setup.waitForTimeout(800);
        await setup.evaluate(() => localStorage.clear());
        await setup.close();
        const url = `${baton.extensionOrigin}/dashboard.html#/`;
        const runs: Opening[] = [];
        let cold: Opening | undefined;
        for (let i = 0; i <= OPENINGS; i++) {
          const page = await baton.context.newPage();
          const r = await open(page, url);
          if (i > 0) runs.push(r);
          else cold = r;
          // Let the page store its snapshot of the triage before it closes (written 500 ms after the fresh render).
          await page.waitForTimeout(800);
          await page.close();
        }
        const figure = Math.round(median(runs.map((r) => r.fromScript)) * 10) / 10;
        const fromNavigation = Math.round(median(runs.map((r) => r.rendered)));
        const fresh = Math.round(median(runs.map((r) => r.fresh)));
        return {
          figure,
          unit: 'ms',
          target: 300,
          better: 'lower',
          note: `median of ${OPENINGS}, page script start → rows rendered, on the last visit's snapshot; ${fromNavigation} ms from navigation start; fresh triage decided from the tables and rendered at ${fresh} ms; first open without a snapshot ${Math.round(cold!.rendered)} ms; ${rows.toLocaleString('en')} rows; ${runs[0]!.listed.replace(/ ·.*/, '')}`,
        };
      } finally {
        await baton.close();
      }
    },
  },
];
