import { createDb, type BatonDb } from '../../lib/db/schema';

let n = 0;
/** A fresh, empty database per test. */
export function freshDb(): BatonDb {
  n += 1;
  return createDb(`baton-test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`);
}

export const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
export const oppRef = { crm: 'salesforce', instance: 'acme', object: 'opportunity', id: '006Hs00001AbCdEIAV' } as const;
export const accountRef = { crm: 'salesforce', instance: 'acme', object: 'account', id: '001Hs00001AbCdEIAV' } as const;
