import { describe, expect, it } from 'vitest';
import { salesforceApiOrigin } from '../../lib/crm/salesforce/host';
import { toSalesforceId18 } from '../../lib/crm/salesforce/id';
import { batonRoleFor } from '../../lib/crm/salesforce/roles';

describe('toSalesforceId18', () => {
  it.each([
    ['001D000000IRFma', '001D000000IRFmaIAH'], // the example in Salesforce's REST API guide
    ['0065g00000ABcdE', '0065g00000ABcdEAAT'],
    ['006000000000000', '006000000000000AAA'],
    ['0065g00000ABcdEAAT', '0065g00000ABcdEAAT'],
    ['0065g00000ABcdEaat', '0065g00000ABcdEAAT'],
  ])('turns %s into %s', (raw, expected) => {
    expect(toSalesforceId18(raw)).toBe(expected);
  });

  it.each([
    ['too short', '0065g00000ABcd'],
    ['16 characters', '0065g00000ABcdEA'],
    ['a wrong checksum', '0065g00000ABcdEZZZ'],
    ['punctuation', '0065g00000ABcd!'],
    ['a word without digits', 'ContentDocument'],
  ])('rejects %s', (_why, raw) => {
    expect(toSalesforceId18(raw)).toBeNull();
  });
});

describe('salesforceApiOrigin', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000ABcdEAAT/view', 'https://acme.my.salesforce.com'],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/page/home', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['https://acme-dev-ed.develop.lightning.force.com/', 'https://acme-dev-ed.develop.my.salesforce.com'],
    ['https://acme.my.salesforce.com/0065g00000ABcdE', 'https://acme.my.salesforce.com'],
    ['https://app.hubspot.com/contacts/1/record/0-3/2', null],
    ['not a url', null],
  ])('gives the REST API origin of %s', (page, expected) => {
    expect(salesforceApiOrigin(page)).toBe(expected);
  });
});

describe('batonRoleFor', () => {
  it.each([
    ['Executive Sponsor', 'executive_sponsor'],
    ['Economic Buyer', 'economic_buyer'],
    ['Economic Decision Maker', 'economic_buyer'],
    ['Decision Maker', 'economic_buyer'],
    ['Technical Buyer', 'technical_owner'],
    ['Business User', 'user'],
    ['Evaluator', 'user'],
    ['Influencer', 'other'],
    ['Other', 'other'],
    [' executive sponsor ', 'executive_sponsor'],
    ['Procurement Lead', 'other'],
    [null, 'other'],
  ])('suggests the Baton role for the Salesforce contact role %j', (role, expected) => {
    expect(batonRoleFor(role)).toBe(expected);
  });
});
