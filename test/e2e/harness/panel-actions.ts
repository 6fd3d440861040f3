/**
 * What a person does in the alignment panel, as steps for real-browser tests: add a stakeholder, fill a text or
 * person field. Each waits until the panel shows the result, so the next step starts from a settled panel.
 */
import type { Frame } from 'playwright-core';

export interface StakeholderSteps {
  name: string;
  title: string;
  /** A role's label, e.g. "Executive sponsor". */
  role: string;
  influence: 'High' | 'Low';
  stance: 'For us' | 'Neutral' | 'Against';
}

/** People tab: add a stakeholder with one role, rated, engaged today. */
export async function addStakeholder(panel: Frame, p: StakeholderSteps): Promise<void> {
  await panel.getByRole('button', { name: 'Add a stakeholder' }).click();
  const form = panel.getByRole('form', { name: 'Add a stakeholder' });
  await form.getByLabel('Name').fill(p.name);
  await form.getByLabel('Title').fill(p.title);
  await form.getByLabel(p.role, { exact: true }).check();
  await form.getByLabel('Influence').selectOption({ label: p.influence });
  await form.getByLabel('Stance').selectOption({ label: p.stance });
  await form.getByLabel('Engaged today').check();
  await form.getByRole('button', { name: 'Save' }).click();
  await panel.getByRole('button', { name: `Edit ${p.name}` }).waitFor();
}

/** Hand-over tab: fill (or replace) a text field and save it. */
export async function fillText(panel: Frame, label: string, text: string): Promise<void> {
  await panel.getByRole('button', { name: new RegExp(`^(Fill|Edit) ${label}$`) }).click();
  await panel.getByLabel(label, { exact: true }).fill(text);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByRole('button', { name: `Edit ${label}` }).waitFor();
}

/** Hand-over tab: pick a stakeholder for a person field (`option` is the option's label, "Name — Title"). */
export async function pickPerson(panel: Frame, label: string, option: string): Promise<void> {
  await panel.getByRole('button', { name: `Fill ${label}` }).click();
  await panel.getByLabel(label, { exact: true }).selectOption({ label: option });
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByRole('button', { name: `Edit ${label}` }).waitFor();
}
