/** The extension's database singleton; pages and the background share it through IndexedDB. */
import { createDb, type BatonDb } from './schema';

let instance: BatonDb | undefined;

/** The one database of this extension origin (opened on first use). */
export function getDb(): BatonDb {
  instance ??= createDb();
  return instance;
}

export { createDb, type BatonDb } from './schema';
export * from './errors';
