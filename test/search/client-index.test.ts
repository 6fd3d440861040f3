import { describe, expect, it } from 'vitest';
import { ClientIndex, fold } from '../../lib/search/client-index';

const index = ClientIndex.build([
  { id: 'c1', name: 'Acme Corporation', crmIds: ['006Hs00001AbCdEIAV', '001Hs00001AbCdEIAV'] },
  { id: 'c2', name: 'Acme', crmIds: ['4711'] },
  { id: 'c3', name: 'Northwind Traders', crmIds: ['a1b2c3d4-0000-4000-8000-000000000001'] },
  { id: 'c4', name: 'Société Générale Acme', crmIds: [] },
  { id: 'c5', name: 'Global Widgets & Co', crmIds: ['98765'] },
  { id: 'c6', name: 'Traders of the North', crmIds: [] },
]);
const ids = (q: string, limit?: number) => index.search(q, limit).map((h) => h.id);

describe('client search', () => {
  it.each<[string, string, string[]]>([
    ['puts the exact name before longer names that start with it', 'acme', ['c2', 'c1', 'c4']],
    ['finds a name by its start, ignoring case', 'ACME CO', ['c1']],
    ['finds a name by the start of any word, after names that start with it', 'trad', ['c6', 'c3']],
    ['ranks words in order above words out of order', 'north trad', ['c3', 'c6']],
    ['folds accents both ways', 'societe gen', ['c4']],
    ['finds a client by its exact CRM id', '4711', ['c2']],
    ['finds a Salesforce 18-character id from its 15-character form', '006Hs00001AbCdE', ['c1']],
    ['finds a Dynamics GUID by its start', 'a1b2c3d4', ['c3']],
    ['finds a name by a substring of three characters or more', 'idget', ['c5']],
    ['ignores punctuation between words', 'widgets co', ['c5']],
    ['finds nothing for an empty query', '   ', []],
    ['finds nothing when nothing matches', 'zzz', []],
  ])('%s', (_, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('says which CRM id matched', () => {
    expect(index.search('001Hs0')[0]).toEqual({ id: 'c1', name: 'Acme Corporation', score: 50, matched: 'crmId', crmId: '001Hs00001AbCdEIAV' });
  });

  it('returns at most the limit', () => {
    expect(ids('a', 2)).toHaveLength(2);
  });

  // Speed is measured in the real browser by bench/popup.bench.ts (a keystroke over 5,000 clients).
  it('finds one client among 5,000 by its number or its CRM id', () => {
    const big = ClientIndex.build(
      Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}`, name: `Client ${i} ${['Acme', 'Globex', 'Initech', 'Umbrella'][i % 4]} Holdings`, crmIds: [`006${String(i).padStart(12, '0')}AAA`] })),
    );
    expect(big.search('client 4242')[0]!.id).toBe('c4242');
    expect(big.search('006000000004242')[0]!.id).toBe('c4242');
    expect(big.search('umbrella hold', 100)).toHaveLength(100);
  });

  it('folds case, accents and spacing', () => {
    expect(fold('  Ärger   Ölé ')).toBe('arger ole');
  });
});
