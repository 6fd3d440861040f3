/**
 * The popup's data layer: everything that needs the database (Dexie) or validation (zod). Loaded with a dynamic
 * `import()` (`data.ts`'s `loadDataLayer`) once the popup is interactive, at once when there is no search cache, or
 * when a save needs it, so the first bundle is only React, the form, the client picker and the search over the cached
 * client list. Reads subscribe once it is here; saving waits for it.
 */
export { liveQuery } from 'dexie';
export { getDb } from '../../lib/db';
export { tabRecordSchema } from '../../lib/messages/panel';
export { profileSetting } from '../../lib/settings/profile';
