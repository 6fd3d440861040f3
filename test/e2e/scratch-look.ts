import { CRM_URLS, launchBaton, screenshot } from './harness';
const baton = await launchBaton();
try {
  const page = await baton.openCrm(CRM_URLS.salesforce.opportunity);
  const panel = await baton.panelFrame(page);
  panel.page().on('console', (m) => console.log('console:', m.text()));
  await panel.waitForSelector('text=Create client', { timeout: 15000 });
  await screenshot(page, 'look-1-link');
  await panel.click('text=Create client');
  await panel.waitForSelector('text=Submit to receiver');
  await screenshot(page, 'look-2-handoff');
  await panel.click('role=tab[name=/People/]');
  await page.waitForTimeout(300);
  await screenshot(page, 'look-3-people');
} finally {
  await baton.close();
}
