/**
 * The alignment panel in a real Chromium with the built extension, on fake Salesforce Lightning and HubSpot pages:
 * a rep fills the hand-over's gaps and submits; the panel follows SPA navigation to the account and back without
 * reloading; the closed-won gate names what is missing; the receiver rejects a field and the sender sees it, fixes
 * it and resubmits; a hostile record name stays text. Screenshots of each state go to test-results/screenshots.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CRM_URLS, launchBaton, screenshot, waitForPanelRecord, type Baton } from './harness';
import { addStakeholder, fillRestOfHandover, fillText } from './harness/panel-actions';

let baton: Baton;
beforeAll(async () => {
  baton = await launchBaton();
});
afterAll(() => baton?.close());

const SF = CRM_URLS.salesforce;

async function open(url: string): Promise<{ page: Page; panel: Frame }> {
  const page = await baton.openCrm(url);
  const panel = await baton.panelFrame(page);
  await waitForPanelRecord(panel, (r) => !r.pending);
  return { page, panel };
}




const ready = (panel: Frame) => panel.locator('.handoff').getByText(/of \d+ required fields ready/).innerText();

describe('a rep on a Salesforce opportunity', () => {
  let page: Page;
  let panel: Frame;
  beforeAll(async () => {
    ({ page, panel } = await open(SF.opportunity));
  });

  test('the first visit offers to create the client, named from the page title', async () => {
    await expect.poll(() => panel.getByLabel('Client name').inputValue()).toBe('Acme – 200 Widgets');
    await screenshot(page, 'panel-01-first-visit');
    await panel.getByRole('button', { name: 'Create client' }).click();
    await panel.getByRole('heading', { name: 'Close to onboarding' }).waitFor();
  });

  test('shows every gap of the close → onboarding hand-over with its sentence', async () => {
    expect(await ready(panel)).toContain('0 of 8 required fields ready');
    const gaps = await panel.locator('.gap').allInnerTexts();
    expect(gaps).toHaveLength(8);
    expect(gaps[0]).toMatch(/^Verified use case: /);
    expect(await panel.getByRole('tab', { name: /Hand-over/ }).innerText()).toContain('8');
    await screenshot(page, 'panel-02-gaps');
  });

  test('fills the stakeholder map in the grid', async () => {
    await panel.getByRole('tab', { name: /People/ }).click();
    await addStakeholder(panel, { name: 'Dana Ruiz', title: 'COO', role: 'Executive sponsor', influence: 'High', stance: 'For us' });
    await addStakeholder(panel, { name: 'Lee Chen', title: 'IT Director', role: 'Technical owner', influence: 'High', stance: 'Neutral' });
    await addStakeholder(panel, { name: 'Sam Patel', title: 'Support Lead', role: 'Operating owner', influence: 'Low', stance: 'For us' });
    const champions = panel.getByRole('region', { name: 'Champions' });
    await expect.poll(() => champions.innerText()).toContain('Dana Ruiz');
    expect(await panel.getByRole('region', { name: 'Mobilizers' }).innerText()).toContain('Lee Chen');
    expect(await panel.getByRole('region', { name: 'Supporters' }).innerText()).toContain('Sam Patel');
    await screenshot(page, 'panel-03-stakeholders');
  });

  test('fills every field inline and the gaps go away one by one', async () => {
    await panel.getByRole('tab', { name: /Hand-over/ }).click();
    // Three rated customer stakeholders already satisfy the stakeholder map's rule.
    expect(await ready(panel)).toContain('1 of 8');
    expect(await panel.locator('[data-field="stakeholder_map"] .gap').count()).toBe(0);
    await fillText(panel, 'Verified use case', 'The tier-one support team routes every inbound ticket in Zendesk by product line to cut first response time');
    expect(await ready(panel)).toContain('2 of 8');
    await fillRestOfHandover(panel);
    await expect.poll(() => ready(panel)).toContain('8 of 8 required fields ready');
    expect(await panel.locator('.gap').count()).toBe(0);
    expect(await panel.locator('[data-field="success_criteria"]').innerText()).toMatch(/1 validated/i);
    await screenshot(page, 'panel-04-complete');
  });

  test('submits to the receiver', async () => {
    await panel.getByRole('button', { name: 'Submit to receiver' }).click();
    await expect.poll(() => panel.locator('.handoff .badge').first().innerText()).toMatch(/waiting for receiver/i);
    await panel.getByRole('button', { name: 'Accept' }).waitFor();
  });

  test('follows pushState navigation to the account and back without reloading', async () => {
    await panel.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
    await page.evaluate((u) => (window as unknown as { __spa: { navigate(u: string): void } }).__spa.navigate(u), SF.account);
    await waitForPanelRecord(panel, (r) => r.ref.object === 'account' && !r.pending);
    await panel.getByRole('heading', { name: 'Start alignment for this account' }).waitFor();
    await panel.getByRole('tab', { name: 'Link to an existing one' }).click();
    await panel.getByLabel('Find a client').fill('acme');
    await panel.getByRole('button', { name: 'Link' }).first().click();
    // On the account, the hand-over in flight is the submitted close → onboarding.
    await panel.getByRole('heading', { name: 'Close to onboarding' }).waitFor();
    expect(await panel.locator('.handoff .badge').first().innerText()).toMatch(/waiting for receiver/i);
    await screenshot(page, 'panel-05-account');
    await page.goBack();
    await waitForPanelRecord(panel, (r) => r.ref.object === 'opportunity' && !r.pending);
    await panel.getByRole('button', { name: 'Accept' }).waitFor();
    expect(await panel.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
  });

  test('the receiver rejects one field with a reason; the sender sees it on that field, fixes it and resubmits', async () => {
    await panel.getByRole('button', { name: 'Reject…' }).click();
    const form = panel.getByRole('form', { name: 'Reject the hand-over' });
    await form.getByLabel('Verified use case', { exact: true }).check();
    await form.getByRole('button', { name: /Reject 1 field/ }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('Say why');
    await form.getByLabel('Why Verified use case is not good enough').fill('Which workflow in Zendesk? Name the queue and the volume.');
    await form.getByRole('button', { name: /Reject 1 field/ }).click();
    const field = panel.locator('[data-field="verified_use_case"]');
    await expect.poll(() => field.innerText()).toContain('Which workflow in Zendesk?');
    expect(await panel.getByText(/^Rejected by /).count()).toBe(1);
    await screenshot(page, 'panel-06-rejected');
    await fillText(panel, 'Verified use case', 'The tier-one queue of 40 agents routes 3,000 weekly Zendesk tickets by product line to cut first response time');
    await panel.getByRole('button', { name: 'Resubmit' }).click();
    await expect.poll(() => field.innerText()).toMatch(/changed since/i);
    expect(await field.innerText()).toContain('Before: The tier-one support team routes');
    await screenshot(page, 'panel-07-resubmitted');
    await panel.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => panel.locator('.handoff .badge').first().innerText()).toMatch(/accepted/i);
  });
});

describe('the closed-won gate on a HubSpot deal', () => {
  test('names exactly what is missing when the deal moves to Closed won, with one click to each field', async () => {
    const { page, panel } = await open(CRM_URLS.hubspot.deal);
    await panel.getByRole('button', { name: 'Create client' }).click();
    await panel.getByRole('heading', { name: 'Close to onboarding' }).waitFor();
    await fillText(panel, 'Verified use case', 'Field sales reps log every site visit from the mobile app so managers can coach weekly');
    expect(await panel.getByRole('alert').count()).toBe(0);
    await page.evaluate(() => (window as unknown as { __setStage(s: string): void }).__setStage('Closed won'));
    const gate = panel.getByRole('alert').filter({ hasText: 'hand-over to CS has 7 gaps' });
    await gate.waitFor();
    const links = await gate.getByRole('button').allInnerTexts();
    expect(links).toEqual(['Executive sponsor', 'Technical owner', 'Success criteria', 'Integration scope', 'Stakeholder map', 'Original buying motivation', 'Contractual commitments']);
    // Submitted for the receiver to see, marked incomplete at close.
    await expect.poll(() => panel.locator('.handoff').innerText()).toMatch(/Incomplete at close/i);
    expect(await panel.locator('.handoff .badge').first().innerText()).toMatch(/waiting for receiver/i);
    await screenshot(page, 'panel-08-gate');
    await gate.getByRole('button', { name: 'Success criteria' }).click();
    await panel.getByRole('button', { name: 'Add a criterion' }).waitFor();
    await screenshot(page, 'panel-09-gate-jump');
  });
});

describe('hostile CRM text', () => {
  test('a record named <img src=x onerror=alert(1)> renders as text and runs nothing', async () => {
    let dialogs = 0;
    const { page, panel } = await open(SF.hostile);
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    panel.page().on('dialog', () => dialogs++);
    await panel.getByRole('button', { name: 'Create client' }).click();
    await panel.getByRole('heading', { name: 'Close to onboarding' }).waitFor();
    const title = await panel.locator('.record-title').innerText();
    expect(title).toContain('<img src=x onerror=alert(1)>');
    expect(await panel.locator('img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toBe(0);
    await screenshot(page, 'panel-10-hostile');
  });
});
