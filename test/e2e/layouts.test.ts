/**
 * The layouts rebuilt from public evidence, in a real Chromium with the built extension: one new layout per CRM
 * docks the panel and is read right; on a layout whose stage cannot be read the panel says so and what it turns
 * off, and copies a layout report that holds none of the record's text. Screenshots of the notice at the docked
 * width (1280 px window) and in a 360 px window go to test-results/screenshots.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toSalesforceId18 } from '../../lib/crm/salesforce/id';
import { launchBaton, screenshot, waitForDock, waitForPanelRecord, type Baton } from './harness';

let baton: Baton;
beforeAll(async () => {
  baton = await launchBaton();
  for (const [url, fixture] of Object.values(PAGES)) baton.crm.route(url, { fixture });
});
afterAll(() => baton?.close());

const sf = (id15: string) => `https://acme.lightning.force.com/lightning/r/Opportunity/${toSalesforceId18(id15)}/view`;
/** Page URL → the fixture the fake CRM serves there. */
const PAGES = {
  dynamicHighlights: [sf('0065g00000GLBXa'), 'salesforce/opportunity-dynamic-highlights.html'],
  console: [sf('0065g00000UMBRb'), 'salesforce/console-workspaces.html'],
  noPath: [sf('0065g00000ZEBQa'), 'salesforce/opportunity-no-path.html'],
  hubspot: ['https://app.hubspot.com/contacts/1234567/record/0-3/987700', 'hubspot/deal-highlights-2025.html'],
  dynamics: ['https://acme.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=6f1c1c2e-3b1a-4c55-9d0e-2f5a7b9c1d10', 'dynamics/opportunity-title-select.html'],
  pipedrive: ['https://acme.pipedrive.com/deal/88', 'pipedrive/deal-testid.html'],
} as const;

async function open(url: string, viewport?: { width: number; height: number }): Promise<{ page: Page; panel: Frame }> {
  const page = await baton.openCrm(url, viewport);
  const panel = await baton.panelFrame(page);
  return { page, panel };
}

describe('a new layout of each CRM docks the panel and is read', () => {
  test.each([
    ['Salesforce’s Dynamic Highlights Panel', PAGES.dynamicHighlights[0], { title: 'Globex – Fleet Telematics', stage: 'Value Proposition', isWonStage: false }, 'Globex Corporation'],
    ['a Salesforce console app’s focused workspace', PAGES.console[0], { title: 'Umbrella – Lab Safety Suite', stage: 'Proposal/Price Quote', isWonStage: false }, 'Umbrella Corporation'],
    ['HubSpot’s 2025–26 highlight strip', PAGES.hubspot[0], { title: 'Vandelay – Import Platform', stage: 'Decision maker bought-in', isWonStage: false }, 'Vandelay Industries'],
    ['Dynamics 365 with the save status in the title and a <select> status', PAGES.dynamics[0], { title: 'OC-1042 Espresso Fleet', stage: 'Close', isWonStage: true }, 'Northwind Traders'],
    ['Pipedrive’s data-testid deal page', PAGES.pipedrive[0], { title: 'Pied Piper deal', stage: 'Negotiations Started', isWonStage: true }, 'Pied Piper Inc.'],
  ])('%s', async (_name, url, facts, account) => {
    const { page, panel } = await open(url);
    const record = await waitForPanelRecord(panel, (r) => !r.pending && r.title !== null && r.stage !== null);
    expect(record).toMatchObject({ ...facts, pending: false });
    const dock = await waitForDock(page, (s) => s.panel !== null);
    expect(dock.panel!.width).toBe(360);
    // A new client is named after the deal's account, not after the deal.
    await expect.poll(() => panel.getByLabel('Client name').inputValue()).toBe(account);
    expect(await panel.locator('.layout-notice').count()).toBe(0);
    await page.close();
  });
});

describe('a layout whose stage cannot be read', () => {
  const RECORD_TEXT = ['Zebulon', 'Quasar', 'Ottoline', 'Fairweather', '987,654', 'zq-7741', 'Orbital', 'ZEBQ', 'OTTL'];

  test('says the stage is unreadable and the closed-won gate is off, and copies a report without the record’s text', async () => {
    const { page, panel } = await open(PAGES.noPath[0]);
    // The page settles (the reader's 10 s wait for a stage runs out) before the panel says anything.
    await waitForPanelRecord(panel, (r) => !r.pending, 20_000);
    const notice = panel.locator('.layout-notice');
    await notice.getByText('Baton can’t read the stage on this layout, so the closed-won gate is off here.').waitFor();
    await screenshot(page, 'layout-notice-1280');
    await notice.getByRole('button', { name: 'Copy a layout report' }).click();
    await notice.getByText(/Copied\.|select the report below/).waitFor();
    expect(await notice.locator('[role="status"][aria-live]').innerText()).toMatch(/^(Copied\. Paste it into your message to Baton support\.|Your browser did not let Baton copy it)/);
    const report = await notice.getByLabel('Layout report').inputValue();
    expect(report).toContain('Could not read: stage');
    expect(report).toContain('records-highlights2');
    for (const text of RECORD_TEXT) expect(report.toLowerCase()).not.toContain(text.toLowerCase());
    await notice.locator('details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await screenshot(page, 'layout-notice-report-1280');
    await page.close();
  });

  test('is shown whole in a 360 px window', async () => {
    const { page, panel } = await open(PAGES.noPath[0], { width: 360, height: 740 });
    await waitForPanelRecord(panel, (r) => !r.pending, 20_000);
    const button = panel.locator('.layout-notice').getByRole('button', { name: 'Copy a layout report' });
    await button.waitFor();
    const box = await button.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await screenshot(page, 'layout-notice-360');
    await page.close();
  });
});
