/**
 * The panel must follow the rep as they move between records: from an SPA navigation in the CRM tab to the panel
 * showing that record's hand-over, with 5,000 clients (about 250,000 rows) in the database, in the real browser
 * with the built extension. Measured with `performance` marks: the CRM page's clock when it navigates, the panel's
 * `baton:handoff-shown` mark for that record's client (both as absolute times: timeOrigin + the mark).
 */
import type { Frame, Page } from 'playwright-core';
import { launchBaton } from '../test/e2e/harness';
import { seedExtensionDb } from '../test/e2e/harness/seed';
import { generatePortfolio } from './fixtures/portfolio';
import { median, type Benchmark } from './types.ts';

const RUNS = 15;

async function shownAt(panel: Frame, clientId: string, after: number): Promise<number> {
  const handle = await panel.waitForFunction(
    ({ clientId, after }) => {
      const e = performance
        .getEntriesByName('baton:handoff-shown')
        .find((m) => (m as PerformanceMark).detail === clientId && performance.timeOrigin + m.startTime >= after);
      return e ? performance.timeOrigin + e.startTime : null;
    },
    { clientId, after },
    { timeout: 10_000, polling: 10 },
  );
  return (await handle.jsonValue()) as number;
}

async function navigate(page: Page, url: string): Promise<number> {
  return page.evaluate((u) => {
    const t = performance.timeOrigin + performance.now();
    (window as unknown as { __spa: { navigate(u: string): void } }).__spa.navigate(u);
    return t;
  }, url);
}

export const benchmarks: Benchmark[] = [
  {
    name: 'panel: SPA navigation → hand-over shown (5k clients)',
    async run() {
      const portfolio = generatePortfolio({ clients: 5000, decisionsPerClient: 20 });
      const rows = Object.values(portfolio.tables).reduce((n, t) => n + t.length, 0);
      const baton = await launchBaton();
      try {
        const ext = await baton.openExtensionPage('dashboard.html');
        await seedExtensionDb(ext, portfolio.tables);
        await ext.close();
        const links = portfolio.tables.crmLinks.filter((l) => l.crm === 'salesforce' && l.object === 'opportunity').slice(0, RUNS + 1);
        const url = (id: string) => `https://acme.lightning.force.com/lightning/r/Opportunity/${id}/view`;
        for (const l of links) baton.crm.route(url(l.recordId), { fixture: 'salesforce/opportunity-cached.html' });
        const page = await baton.openCrm(url(links[0]!.recordId));
        const panel = await baton.panelFrame(page);
        await shownAt(panel, links[0]!.clientId, 0);
        const times: number[] = [];
        for (const l of links.slice(1)) {
          const t0 = await navigate(page, url(l.recordId));
          times.push((await shownAt(panel, l.clientId, t0)) - t0);
        }
        return {
          figure: Math.round(median(times) * 10) / 10,
          unit: 'ms',
          target: 150,
          better: 'lower',
          note: `median of ${times.length}, max ${Math.round(Math.max(...times))} ms, ${rows.toLocaleString('en')} rows seeded`,
        };
      } finally {
        await baton.close();
      }
    },
  },
];
