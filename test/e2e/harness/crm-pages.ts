/**
 * The fake CRMs' pages: which saved fixture (test/fixtures/<crm>/*.html) answers which real URL, and the
 * non-record pages (home, list views) built from the fixtures' own chrome with the record content removed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { CrmKind } from '../../../lib/crm/types';
import { toSalesforceId18 } from '../../../lib/crm/salesforce/id';

export const FIXTURES_DIR = join(import.meta.dirname, '..', '..', 'fixtures');

const sfId = (id15: string) => toSalesforceId18(id15)!;

/** Record ids the fixtures show, in the form their URLs carry (Salesforce: 18 characters). */
export const IDS = {
  salesforce: {
    opportunity: sfId('0065g00000ABcdE'),
    account: sfId('0015g00000XyZ12'),
    closedWon: sfId('0065g00000INTCa'),
    hostile: sfId('0065g00000HOOLa'),
    customWon: sfId('0065g00000UMBRa'),
  },
  hubspot: { portal: '1234567', deal: '987654', company: '5550001', closedWon: '987655' },
  dynamics: {
    opportunity: '6f1c1c2e-3b1a-4c55-9d0e-2f5a7b9c1d01',
    closedWon: '6f1c1c2e-3b1a-4c55-9d0e-2f5a7b9c1d02',
    account: '6f1c1c2e-3b1a-4c55-9d0e-2f5a7b9c1d03',
  },
  pipedrive: { deal: '42', wonDeal: '43', organization: '7' },
} as const;

const SF = 'https://acme.lightning.force.com';
const HS = `https://app.hubspot.com/contacts/${IDS.hubspot.portal}`;
const DYN = 'https://acme.crm.dynamics.com/main.aspx?pagetype=entityrecord';
const PD = 'https://acme.pipedrive.com';

/** Real-looking URLs of every page the fake CRMs serve. */
export const CRM_URLS = {
  salesforce: {
    opportunity: `${SF}/lightning/r/Opportunity/${IDS.salesforce.opportunity}/view`,
    account: `${SF}/lightning/r/Account/${IDS.salesforce.account}/view`,
    closedWon: `${SF}/lightning/r/Opportunity/${IDS.salesforce.closedWon}/view`,
    hostile: `${SF}/lightning/r/Opportunity/${IDS.salesforce.hostile}/view`,
    customWon: `${SF}/lightning/r/Opportunity/${IDS.salesforce.customWon}/view`,
    home: `${SF}/lightning/page/home`,
    opportunityList: `${SF}/lightning/o/Opportunity/list?filterName=Recent`,
  },
  hubspot: {
    deal: `${HS}/record/0-3/${IDS.hubspot.deal}`,
    company: `${HS}/record/0-2/${IDS.hubspot.company}`,
    closedWon: `${HS}/record/0-3/${IDS.hubspot.closedWon}`,
    dealList: `${HS}/objects/0-3/views/all/list`,
  },
  dynamics: {
    opportunity: `${DYN}&etn=opportunity&id=${IDS.dynamics.opportunity}`,
    closedWon: `${DYN}&etn=opportunity&id=${IDS.dynamics.closedWon}`,
    account: `${DYN}&etn=account&id=${IDS.dynamics.account}`,
    home: 'https://acme.crm.dynamics.com/main.aspx?pagetype=dashboard',
  },
  pipedrive: {
    deal: `${PD}/deal/${IDS.pipedrive.deal}`,
    wonDeal: `${PD}/deal/${IDS.pipedrive.wonDeal}`,
    organization: `${PD}/organization/${IDS.pipedrive.organization}`,
    pipeline: `${PD}/pipeline/1/user/everyone`,
  },
} as const;

/** A page the server can answer with: a fixture file as it is, or a fixture's chrome around a placeholder. */
export type PageSource = { fixture: string } | { nonRecord: string; chromeFrom: string; heading: string };

/** The CRM's content region, emptied to build its non-record pages. */
const CONTENT: Readonly<Record<CrmKind, string>> = {
  salesforce: '.oneCenterStage',
  hubspot: '#main-content',
  dynamics: '[data-id="editFormRoot"]',
  pipedrive: 'main',
};

/** The built-in route table: URL (origin + path + query) → page. Tests add more with `server.route()`. */
export function defaultRoutes(): Map<string, PageSource> {
  const u = CRM_URLS;
  const entries: [string, PageSource][] = [
    [u.salesforce.opportunity, { fixture: 'salesforce/opportunity-cached.html' }],
    [u.salesforce.account, { fixture: 'salesforce/account.html' }],
    [u.salesforce.closedWon, { fixture: 'salesforce/opportunity-closed-won.html' }],
    [u.salesforce.hostile, { fixture: 'salesforce/opportunity-hostile-title.html' }],
    [u.salesforce.customWon, { fixture: 'salesforce/opportunity-won-custom-label.html' }],
    [u.salesforce.home, { nonRecord: 'salesforce', chromeFrom: 'salesforce/account.html', heading: 'Home' }],
    [u.salesforce.opportunityList, { nonRecord: 'salesforce', chromeFrom: 'salesforce/account.html', heading: 'Opportunities: Recently Viewed' }],
    [u.hubspot.deal, { fixture: 'hubspot/deal.html' }],
    [u.hubspot.company, { fixture: 'hubspot/company.html' }],
    [u.hubspot.closedWon, { fixture: 'hubspot/deal-closed-won.html' }],
    [u.hubspot.dealList, { nonRecord: 'hubspot', chromeFrom: 'hubspot/deal.html', heading: 'Deals' }],
    [u.dynamics.opportunity, { fixture: 'dynamics/opportunity.html' }],
    [u.dynamics.closedWon, { fixture: 'dynamics/opportunity-won.html' }],
    [u.dynamics.account, { fixture: 'dynamics/account.html' }],
    [u.dynamics.home, { nonRecord: 'dynamics', chromeFrom: 'dynamics/account.html', heading: 'Sales dashboard' }],
    [u.pipedrive.deal, { fixture: 'pipedrive/deal.html' }],
    [u.pipedrive.wonDeal, { fixture: 'pipedrive/deal-won.html' }],
    [u.pipedrive.organization, { fixture: 'pipedrive/organization.html' }],
    [u.pipedrive.pipeline, { nonRecord: 'pipedrive', chromeFrom: 'pipedrive/deal.html', heading: 'Deals pipeline' }],
  ];
  return new Map(entries.map(([url, page]) => [routeKey(new URL(url)), page]));
}

/** Routes match on host + path + query (Dynamics keeps the record in the query); the hash is ignored. */
export function routeKey(url: URL): string {
  return `${url.host}${url.pathname}${url.search}`;
}

/** Which fake CRM a host name belongs to. */
export function crmOfHost(host: string): CrmKind | null {
  if (/\.(lightning\.force|my\.salesforce)\.com$/.test(host)) return 'salesforce';
  if (/\.hubspot\.com$/.test(host)) return 'hubspot';
  if (/\.dynamics\.com$/.test(host)) return 'dynamics';
  if (/\.pipedrive\.com$/.test(host)) return 'pipedrive';
  return null;
}

/** The page's HTML, without the router script (the server adds it). */
export function renderPage(source: PageSource): string {
  if ('fixture' in source) return readFileSync(join(FIXTURES_DIR, source.fixture), 'utf8');
  const { document } = parseHTML(readFileSync(join(FIXTURES_DIR, source.chromeFrom), 'utf8'));
  const content = document.querySelector(CONTENT[source.nonRecord as CrmKind]);
  if (!content) throw new Error(`${source.chromeFrom} has no ${CONTENT[source.nonRecord as CrmKind]} to empty`);
  const h1 = document.createElement('h1');
  h1.textContent = source.heading;
  h1.setAttribute('style', 'margin:16px;font-size:20px');
  const p = document.createElement('p');
  p.textContent = 'Not a record page: Baton shows no panel here.';
  p.setAttribute('style', 'margin:16px');
  content.replaceChildren(h1, p);
  document.title = `${source.heading} | fake CRM`;
  return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
}
