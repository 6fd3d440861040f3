import { describe, expect, it } from 'vitest';
import { DETECTORS, detectRecord } from '../../lib/crm/detect';
import type { CrmKind } from '../../lib/crm/types';
import { URL_TABLES, type UrlCase } from '../fixtures/urls';

const crms = Object.keys(URL_TABLES) as CrmKind[];
const all: UrlCase[] = crms.flatMap((crm) => [...URL_TABLES[crm].positives, ...URL_TABLES[crm].negatives]);

describe('detectRecord', () => {
  it.each(all.map((c) => [c.note, c.url, c] as const))('%s: %s', (_note, url, c) => {
    expect(detectRecord(url)).toEqual(c.expected);
  });

  it('covers at least 60 URLs, half of them negatives', () => {
    const negatives = all.filter((c) => c.expected === null).length;
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(negatives * 2).toBeGreaterThanOrEqual(all.length);
  });

  it.each([
    '',
    'not a url',
    'about:blank',
    'chrome://extensions',
    'https://example.com/lightning/r/Opportunity/0065g00000ABcdE/view',
    'http://acme.lightning.force.com/lightning/r/Opportunity/0065g00000ABcdEAAT/view',
  ])('returns null for a page that is not a CRM record served over HTTPS: %j',
    (url) => {
      expect(detectRecord(url)).toBeNull();
    },
  );

  it('gives the same ref for the 15- and 18-character form of a Salesforce id', () => {
    const short = detectRecord('https://acme.lightning.force.com/lightning/r/0065g00000ABcdE/view');
    const long = detectRecord('https://acme.my.salesforce.com/0065g00000ABcdEAAT');
    expect(short).toEqual(long);
  });
});

describe('each CRM detector', () => {
  for (const crm of crms) {
    const detect = DETECTORS[crm];
    const own = URL_TABLES[crm];
    const others = crms.filter((c) => c !== crm).flatMap((c) => [...URL_TABLES[c].positives, ...URL_TABLES[c].negatives]);

    it.each(own.positives.map((c) => [c.url, c] as const))(`${crm} matches its own record page %s`, (url, c) => {
      expect(detect(new URL(url))).toEqual(c.expected);
    });

    it.each(own.negatives.map((c) => [c.url] as const))(`${crm} rejects its own non-record page %s`, (url) => {
      expect(detect(new URL(url))).toBeNull();
    });

    it.each(others.map((c) => [c.url] as const))(`${crm} rejects another CRM's URL %s`, (url) => {
      expect(detect(new URL(url))).toBeNull();
    });
  }
});
