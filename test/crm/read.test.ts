import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectRecord } from '../../lib/crm/detect';
import { PAGE_READERS, readPage, readPageFacts } from '../../lib/crm/read';
import type { CrmRecordRef, PageFacts } from '../../lib/crm/types';

const HOSTILE = '<img src=x onerror=alert(1)>';

function fixture(path: string): Document {
  return parseHTML(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')).document as unknown as Document;
}

function ref(url: string): CrmRecordRef {
  const found = detectRecord(url);
  if (!found) throw new Error(`test URL is not a record page: ${url}`);
  return found;
}

const SF_OPP = ref('https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000ABcdEAAT/view');
const SF_ACC = ref('https://acme.lightning.force.com/lightning/r/Account/0015g00000XyZ12AAF/view');
const SF_CLASSIC = ref('https://acme.my.salesforce.com/0065g00000ABcdE');
const HS_DEAL = ref('https://app.hubspot.com/contacts/1234567/record/0-3/987654321');
const HS_COMPANY = ref('https://app.hubspot.com/contacts/1234567/record/0-2/55501');
const DY_OPP = ref('https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=3f2504e0-4f89-11d3-9a0c-0305e82c3301');
const DY_ACC = ref('https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=3f2504e0-4f89-11d3-9a0c-0305e82c3301');
const PD_DEAL = ref('https://acme.pipedrive.com/deal/1234');
const PD_ORG = ref('https://acme.pipedrive.com/organization/56');

const CASES: Array<[string, CrmRecordRef, string, PageFacts]> = [
  ['reads the active Lightning page, not the hidden cached record before it', SF_OPP, 'salesforce/opportunity-cached.html', { title: 'Acme – 200 Widgets', stage: 'Proposal/Price Quote', isWonStage: false, account: null }],
  ['reads "Closed Won" from the Path as a won stage', SF_OPP, 'salesforce/opportunity-closed-won.html', { title: 'Initech Platform Deal', stage: 'Closed Won', isWonStage: true, account: null }],
  ['trusts the Path won marker when the org renamed its won stage', SF_OPP, 'salesforce/opportunity-won-custom-label.html', { title: 'Umbrella Expansion', stage: 'Contract Signed', isWonStage: true, account: null }],
  ['returns a hostile Salesforce record name as literal text', SF_OPP, 'salesforce/opportunity-hostile-title.html', { title: HOSTILE, stage: 'Needs Analysis', isWonStage: false, account: null }],
  ['reads a Salesforce account, which has no stage', SF_ACC, 'salesforce/account.html', { title: 'Acme Corporation', stage: null, isWonStage: null, account: null }],
  ['reads a Classic opportunity detail page', SF_CLASSIC, 'salesforce/classic-opportunity.html', { title: 'Stark Industries Retrofit', stage: 'Closed Won', isWonStage: true, account: null }],
  ['reads an open HubSpot deal', HS_DEAL, 'hubspot/deal.html', { title: 'Acme – Annual Plan', stage: 'Contract sent', isWonStage: false, account: null }],
  ['reads "Closed won" as a won HubSpot deal stage', HS_DEAL, 'hubspot/deal-closed-won.html', { title: 'Initech – Platform', stage: 'Closed won', isWonStage: true, account: null }],
  ['reads a HubSpot company, which has no deal stage', HS_COMPANY, 'hubspot/company.html', { title: 'Acme Corporation', stage: null, isWonStage: null, account: null }],
  ['reads the active business process stage of an open Dynamics opportunity', DY_OPP, 'dynamics/opportunity.html', { title: 'Contoso – 100 Espresso Machines', stage: 'Develop', isWonStage: false, account: null }],
  ['reads a won Dynamics opportunity from its status reason', DY_OPP, 'dynamics/opportunity-won.html', { title: 'Fabrikam – Fleet Renewal', stage: 'Close', isWonStage: true, account: null }],
  ['reads a Dynamics account, which has no process stage', DY_ACC, 'dynamics/account.html', { title: 'Contoso Ltd', stage: null, isWonStage: null, account: null }],
  ['reads an open Pipedrive deal', PD_DEAL, 'pipedrive/deal.html', { title: 'Acme deal', stage: 'Proposal Made', isWonStage: false, account: null }],
  ['reads a won Pipedrive deal from its status', PD_DEAL, 'pipedrive/deal-won.html', { title: 'Initech rollout', stage: 'Negotiations Started', isWonStage: true, account: null }],
  ['reads a Pipedrive organization, which has no stage', PD_ORG, 'pipedrive/organization.html', { title: 'Acme GmbH', stage: null, isWonStage: null, account: null }],
  // Layouts rebuilt from public evidence (each fixture's note names its source).
  ['reads the Dynamic Highlights Panel, which has no records-highlights2, and its account link', SF_OPP, 'salesforce/opportunity-dynamic-highlights.html', { title: 'Globex – Fleet Telematics', stage: 'Value Proposition', isWonStage: false, account: 'Globex Corporation' }],
  ['reads the LWC path step’s data-label and its won marker', SF_OPP, 'salesforce/opportunity-lwc-path.html', { title: 'Initech – Renewal 2026', stage: 'Closed Won', isWonStage: true, account: 'Initech' }],
  ['reads the focused console workspace, not the background one before it', SF_OPP, 'salesforce/console-workspaces.html', { title: 'Umbrella – Lab Safety Suite', stage: 'Proposal/Price Quote', isWonStage: false, account: 'Umbrella Corporation' }],
  ['reads the title of a layout without a Path, and no stage', SF_OPP, 'salesforce/opportunity-no-path.html', { title: 'Zebulon Quasar Holdings – Orbital Freight', stage: null, isWonStage: null, account: 'Zebulon Quasar Holdings' }],
  ['reads the 2025–26 HubSpot highlight strip, not the create-deal form’s stage, and the company card', HS_DEAL, 'hubspot/deal-highlights-2025.html', { title: 'Vandelay – Import Platform', stage: 'Decision maker bought-in', isWonStage: false, account: 'Vandelay Industries' }],
  ['reads a Dynamics title attribute without its save status, a <select> status reason chosen as Won, and the account', DY_OPP, 'dynamics/opportunity-title-select.html', { title: 'OC-1042 Espresso Fleet', stage: 'Close', isWonStage: true, account: 'Northwind Traders' }],
  ['strips the save status from a Dynamics title with no title attribute and reads a combobox status reason', DY_OPP, 'dynamics/opportunity-status-combobox.html', { title: 'Fabrikam – Cold Chain Sensors', stage: 'Propose', isWonStage: false, account: 'Fabrikam, Inc.' }],
  ['reads a Dynamics picklist-status Won and the header account lookup', DY_OPP, 'dynamics/opportunity-status-picklist.html', { title: 'Litware – Retail Analytics', stage: 'Close', isWonStage: true, account: 'Litware, Inc.' }],
  ['reads a Pipedrive deal title from the header textarea’s value and its organization link', PD_DEAL, 'pipedrive/deal-testid.html', { title: 'Pied Piper deal', stage: 'Negotiations Started', isWonStage: true, account: 'Pied Piper Inc.' }],
];

describe('readPageFacts on saved pages', () => {
  it.each(CASES)('%s', async (_name, recordRef, path, expected) => {
    await expect(readPageFacts(recordRef, fixture(path), { timeoutMs: 50 })).resolves.toEqual(expected);
  });

  it('gives an account page no account, even where its panels link a parent account', () => {
    const doc = fixture('salesforce/opportunity-dynamic-highlights.html');
    expect(readPage(SF_ACC, doc).account).toBeNull();
    expect(readPage(SF_OPP, doc).account).toBe('Globex Corporation');
  });

  it('reads the title a user typed into the Pipedrive title box, not the text it was rendered with', () => {
    const doc = fixture('pipedrive/deal-testid.html');
    (doc.querySelector('textarea.cui5-editable-text__input') as HTMLTextAreaElement).value = 'Pied Piper – 40 seats';
    expect(readPage(PD_DEAL, doc).title).toBe('Pied Piper – 40 seats');
  });

  it('reads a Dynamics <select> status reason by the option chosen now', () => {
    const doc = fixture('dynamics/opportunity-title-select.html');
    const select = doc.querySelector('select')!;
    select.querySelector('option[value="3"]')!.removeAttribute('selected');
    select.querySelector('option[value="1"]')!.setAttribute('selected', '');
    expect(readPage(DY_OPP, doc).isWonStage).toBe(false);
  });

  it('never turns a hostile record name into markup', () => {
    const doc = fixture('salesforce/opportunity-hostile-title.html');
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(PAGE_READERS.salesforce(doc).title).toBe(HOSTILE);
  });
});

/** An empty CRM shell, as the page looks right after a single-page-app navigation. */
function emptyShell(): Document {
  return parseHTML('<!DOCTYPE html><html><head><title>Loading</title></head><body><div id="app"></div></body></html>')
    .document as unknown as Document;
}

/** Renders a saved page's body into `doc`, as the CRM's own scripts would. */
function render(doc: Document, path: string): void {
  const source = fixture(path);
  doc.getElementById('app')!.append(...Array.from(source.body.childNodes).map((n) => doc.importNode(n, true)));
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('readPageFacts on a page that renders late', () => {
  it('waits for the record to render and then resolves with it', async () => {
    const doc = emptyShell();
    const facts = readPageFacts(SF_OPP, doc, { timeoutMs: 2_000 });
    await tick(20);
    render(doc, 'salesforce/opportunity-cached.html');
    await expect(facts).resolves.toEqual({ title: 'Acme – 200 Widgets', stage: 'Proposal/Price Quote', isWonStage: false, account: null });
  });

  it('follows Lightning switching which cached page is active', async () => {
    const doc = fixture('salesforce/opportunity-cached.html');
    const pages = Array.from(doc.querySelectorAll('.oneContent'));
    pages[1]!.classList.remove('active');
    const facts = readPageFacts(SF_OPP, doc, { timeoutMs: 2_000 });
    await tick(10);
    pages[0]!.classList.add('active');
    await expect(facts).resolves.toEqual({ title: 'Globex Renewal 2025', stage: 'Negotiation/Review', isWonStage: false, account: null });
  });

  it('resolves with nulls when nothing renders before the timeout', async () => {
    await expect(readPageFacts(HS_DEAL, emptyShell(), { timeoutMs: 30 })).resolves.toEqual({
      title: null,
      stage: null,
      isWonStage: null,
      account: null,
    });
  });

  it('resolves with the title alone when an opportunity stage never renders', async () => {
    const doc = fixture('pipedrive/deal.html');
    doc.querySelector('[data-test="pipeline-stages"]')!.remove();
    await expect(readPageFacts(PD_DEAL, doc, { timeoutMs: 30 })).resolves.toEqual({ title: 'Acme deal', stage: null, isWonStage: null, account: null });
  });

  it('rejects with the abort reason when the signal aborts while waiting', async () => {
    const controller = new AbortController();
    const facts = readPageFacts(DY_OPP, emptyShell(), { signal: controller.signal, timeoutMs: 5_000 });
    controller.abort(new Error('navigated away'));
    await expect(facts).rejects.toThrow('navigated away');
  });

  it('rejects at once with an AbortError when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readPageFacts(SF_OPP, fixture('salesforce/account.html'), { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it.each(['resolves', 'times out', 'is aborted'] as const)('stops reading the page once it %s', async (ending) => {
    const doc = emptyShell();
    let reads = 0;
    const original = PAGE_READERS.hubspot;
    (PAGE_READERS as Record<string, typeof original>).hubspot = (d: Document) => {
      reads++;
      return original(d);
    };
    try {
      const controller = new AbortController();
      const facts = readPageFacts(HS_DEAL, doc, { signal: controller.signal, timeoutMs: ending === 'times out' ? 20 : 2_000 });
      if (ending === 'resolves') {
        await tick(5);
        render(doc, 'hubspot/deal.html');
      } else if (ending === 'times out') {
        await tick(40);
      } else {
        controller.abort();
      }
      await facts.catch(() => undefined);
      const before = reads;
      doc.getElementById('app')!.append(doc.createElement('div'));
      doc.body.setAttribute('data-changed', 'yes');
      await tick(10);
      expect(reads).toBe(before);
    } finally {
      (PAGE_READERS as Record<string, typeof original>).hubspot = original;
    }
  });
});
