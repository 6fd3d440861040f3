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

/**
 * Hand-over tab, close → onboarding: every required field after the verified use case, as a rep fills them with the
 * three stakeholders Dana Ruiz (COO), Lee Chen (IT Director) and Sam Patel on the map. Ends with all 8 ready.
 */
export async function fillRestOfHandover(panel: Frame): Promise<void> {
  await pickPerson(panel, 'Executive sponsor', 'Dana Ruiz — COO');
  await pickPerson(panel, 'Technical owner', 'Lee Chen — IT Director');
  await panel.getByRole('button', { name: 'Fill Success criteria' }).click();
  await panel.getByRole('button', { name: 'Add a criterion' }).click();
  await panel.getByLabel('Criterion 1 metric').fill('Weekly active usage');
  await panel.getByLabel('Criterion 1 target').fill('70');
  await panel.getByLabel('Criterion 1 unit').fill('%');
  await panel.getByLabel('Criterion 1 due day').fill('90');
  await panel.getByLabel('Criterion 1 validated by').selectOption('customer_validated');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByRole('button', { name: 'Edit Success criteria' }).waitFor();
  await panel.getByRole('button', { name: 'Fill Integration scope' }).click();
  await panel.getByLabel('Integration scope, one per line').fill('Zendesk: read tickets\nOkta: SSO');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByRole('button', { name: 'Fill Stakeholder map' }).click();
  await panel.getByRole('button', { name: 'Mark reviewed' }).click();
  await fillText(panel, 'Original buying motivation', 'They promised their board a twenty percent cut in support cost this year');
  await panel.getByRole('button', { name: 'Fill Contractual commitments' }).click();
  await panel.getByLabel('Contractual commitments, one per line').fill('None beyond the standard contract');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
}
