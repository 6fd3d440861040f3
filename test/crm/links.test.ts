import { describe, expect, it } from 'vitest';
import { detectRecord } from '../../lib/crm/detect';
import { dashboardClientPath, pickLink, recordUrl } from '../../lib/crm/links';
import type { CrmLink, CrmRef } from '../../lib/domain/schemas';

describe('record URLs', () => {
  it.each<[string, CrmRef, string]>([
    ['a Salesforce opportunity', { crm: 'salesforce', instance: 'acme', object: 'opportunity', id: '006Hs00001AbCdEIAV' }, 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdEIAV/view'],
    ['a Salesforce account in a sandbox', { crm: 'salesforce', instance: 'acme--uat', object: 'account', id: '001Hs00001AbCdEIAV' }, 'https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/001Hs00001AbCdEIAV/view'],
    ['a HubSpot deal', { crm: 'hubspot', instance: '1234567', object: 'opportunity', id: '987' }, 'https://app.hubspot.com/contacts/1234567/record/0-3/987'],
    ['a HubSpot company', { crm: 'hubspot', instance: '1234567', object: 'account', id: '55' }, 'https://app.hubspot.com/contacts/1234567/record/0-2/55'],
    ['a Dynamics opportunity', { crm: 'dynamics', instance: 'contoso', object: 'opportunity', id: 'a1b2c3d4-0000-4000-8000-000000000001' }, 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=a1b2c3d4-0000-4000-8000-000000000001'],
    ['a Pipedrive deal', { crm: 'pipedrive', instance: 'acme', object: 'opportunity', id: '42' }, 'https://acme.pipedrive.com/deal/42'],
    ['a Pipedrive organization', { crm: 'pipedrive', instance: 'acme', object: 'account', id: '7' }, 'https://acme.pipedrive.com/organization/7'],
  ])('builds the record page of %s, which detects back to the same record', (_, ref, url) => {
    expect(recordUrl(ref)).toBe(url);
    expect(detectRecord(url)).toMatchObject({ crm: ref.crm, instance: ref.instance, object: ref.object, id: ref.id });
  });

  it.each<[string, CrmRef]>([
    ['a Salesforce instance that is not a host label', { crm: 'salesforce', instance: 'evil.com/x', object: 'account', id: '001' }],
    ['a HubSpot portal that is not a number', { crm: 'hubspot', instance: 'abc', object: 'account', id: '1' }],
  ])('refuses to build a URL from %s', (_, ref) => {
    expect(recordUrl(ref)).toBeNull();
  });

  it('encodes the record id', () => {
    expect(recordUrl({ crm: 'pipedrive', instance: 'acme', object: 'account', id: '7/../x' })).toBe('https://acme.pipedrive.com/organization/7%2F..%2Fx');
  });
});

describe('which record to open', () => {
  const link = (id: string, object: 'account' | 'opportunity', createdAt: number, dealId?: string): CrmLink => ({
    id,
    recordId: id,
    crm: 'salesforce',
    instance: 'acme',
    object,
    clientId: 'c1',
    createdAt,
    ...(dealId ? { dealId } : {}),
  });
  const links = [link('opp-old', 'opportunity', 1, 'd1'), link('acc', 'account', 2), link('opp-new', 'opportunity', 3, 'd2')];
  it.each<[string, string | null, string | null]>([
    ["the deal's own record when the item is about a deal", 'd2', 'opp-new'],
    ['the account when the deal has no record', 'd9', 'acc'],
    ['the account when the item is about the client', null, 'acc'],
  ])('opens %s', (_, dealId, expected) => {
    expect(pickLink(links, dealId)?.id).toBe(expected);
  });

  it('opens the oldest record when the client has no account, and nothing without records', () => {
    expect(pickLink([links[2]!, links[0]!])?.id).toBe('opp-old');
    expect(pickLink([])).toBeNull();
  });

  it('opens the dashboard page of a client with no record', () => {
    expect(dashboardClientPath('01J ABC')).toBe('/dashboard.html#/client/01J%20ABC');
  });
});

describe('a link’s record URL', () => {
  it('uses the CRM record id, not the link’s key', async () => {
    const { linkUrl } = await import('../../lib/crm/links');
    const url = linkUrl({ crm: 'salesforce', instance: 'acme', object: 'opportunity', recordId: '0065g00000ABcdEAAT' });
    expect(url).toBe('https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000ABcdEAAT/view');
  });
});
