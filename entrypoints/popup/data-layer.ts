/**
 * The popup's data layer: everything that needs the database (Dexie) or validation (zod). Loaded with a dynamic
 * `import()` (`data.ts`'s `loadDataLayer`) once the popup is interactive, at once when there is no search cache, or
 * when a save needs it, so the first bundle is only React, the form, the client picker and the search over the cached
 * client list. Reads subscribe once it is here; saving waits for it.
 */
import { liveQuery } from 'dexie';
import { getDb } from '../../lib/db';
import type { Database } from '../../lib/data/local-source';

/** The database and Dexie's live queries, for the popup's data source. */
export function database(): Database {
  return { db: getDb(), liveQuery };
}

export { tabRecordSchema } from '../../lib/messages/panel';
export { profileSetting } from '../../lib/settings/profile';
