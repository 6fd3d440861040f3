import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import * as dynamics from '../../lib/crm/dynamics/selectors';
import * as hubspot from '../../lib/crm/hubspot/selectors';
import { maskValue, writeLayoutReport } from '../../lib/crm/layout-report';
import { outlinePage } from '../../lib/crm/outline';
import * as pipedrive from '../../lib/crm/pipedrive/selectors';
import { detectRecord } from '../../lib/crm/detect';
import { readPage } from '../../lib/crm/read';
import * as salesforce from '../../lib/crm/salesforce/selectors';
import type { CrmKind } from '../../lib/crm/types';
import { pageOutlineSchema } from '../../lib/messages/panel';

const SELECTORS = { salesforce, hubspot, dynamics, pipedrive };
const URLS: Record<CrmKind, string> = {
  salesforce: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000ABcdEAAT/view',
  hubspot: 'https://app.hubspot.com/contacts/1234567/record/0-3/987654321',
  dynamics: 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  pipedrive: 'https://acme.pipedrive.com/deal/1234',
};
const CONTEXT = { crm: 'salesforce', objectName: 'Opportunity', unread: ['stage'], version: '0.1.0', userAgent: 'test', at: '2025-06-01T10:00:00.000Z' };

function page(path: string): Document {
  return parseHTML(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')).document as unknown as Document;
}

/** The report for a saved page, through the same steps the extension takes: outline, message validation, writing. */
function reportFor(crm: CrmKind, path: string): string {
  const s = SELECTORS[crm];
  const outline = pageOutlineSchema.parse(JSON.parse(JSON.stringify(outlinePage(page(path).body, s, s.HIDDEN_ANCESTOR))));
  return writeLayoutReport({ ...CONTEXT, crm }, outline);
}

describe('the layout report', () => {
  const report = reportFor('salesforce', 'salesforce/opportunity-no-path.html');

  it.each([
    'Zebulon', 'Quasar', 'Ottoline', 'Fairweather', 'zebulon-quasar', '987,654', '987654', 'zq-7741', 'Orbital', 'Freight', 'Describe the deal',
    '0015g00000ZEBQ', '0035g00000OTTL', 'mailto:ottoline',
  ])('holds none of the record’s text: %s', (text) => {
    expect(report.toLowerCase()).not.toContain(text.toLowerCase());
  });

  it('shows the structure the readers look at, with ids masked', () => {
    expect(report).toContain('records-highlights2');
    expect(report).toContain('[slot="primaryField"]');
    expect(report).toContain('[href="/lightning/r/001…/view"]');
    expect(report).toContain('[href="mailto:…"]');
    expect(report).toContain('[aria-label="…"]');
    expect(report).toMatch(/PATH_CURRENT_ITEM\s+0 hidden/);
    expect(report).toMatch(/RECORD_TITLE\s+1 shown/);
    expect(report).toContain('Could not read: stage');
  });

  const PAGES: Array<[CrmKind, string]> = [
    ['salesforce', 'salesforce/opportunity-cached.html'],
    ['salesforce', 'salesforce/opportunity-dynamic-highlights.html'],
    ['salesforce', 'salesforce/opportunity-lwc-path.html'],
    ['salesforce', 'salesforce/console-workspaces.html'],
    ['hubspot', 'hubspot/deal.html'],
    ['hubspot', 'hubspot/deal-highlights-2025.html'],
    ['dynamics', 'dynamics/opportunity-title-select.html'],
    ['dynamics', 'dynamics/opportunity-status-combobox.html'],
    ['dynamics', 'dynamics/opportunity-status-picklist.html'],
    ['pipedrive', 'pipedrive/deal-testid.html'],
    ['pipedrive', 'pipedrive/deal.html'],
  ];
  it.each(PAGES)('on %s’s %s holds neither the record name, the stage nor the account the reader finds there', (crm, path) => {
    const facts = readPage(detectRecord(URLS[crm])!, page(path));
    const text = reportFor(crm, path);
    for (const fact of [facts.title, facts.stage, facts.account]) if (fact) expect(text).not.toContain(fact);
    expect(facts.title).not.toBeNull();
  });
});

describe('maskValue', () => {
  it.each([
    ['class', 'slds-path__item slds-is-current', 'slds-path__item slds-is-current'],
    ['data-id', 'MscrmControls.Containers.ProcessBreadCrumb-processHeaderStageName_1', 'MscrmControls.Containers.ProcessBreadCrumb-processHeaderStageName_1'],
    ['id', 'id-3f2504e0-4f89-11d3-9a0c-0305e82c3301-statuscode', 'id-{guid}-statuscode'],
    ['data-record-id', '0065g00000ABcdEAAT', '006…'],
    ['id', 'input-12345', 'input-{n}'],
    ['data-id', 'owner-jo@example.com', '{email}'],
    ['href', '/contacts/1234567/record/0-2/5550002', '/contacts/{n}/record/0-2/{n}'],
    ['href', 'https://acme.lightning.force.com/lightning/r/0015g00000XyZ12AAF/view?ws=1', '/lightning/r/001…/view'],
    ['href', 'tel:+1 555 0100', 'tel:…'],
    ['href', '/deal/42#notes', '/deal/{n}'],
  ])('%s="%s" → %s', (name, value, masked) => {
    expect(maskValue(name, value)).toBe(masked);
  });
});
