/** The dashboard's data source: its own database, opened directly (an extension page may). */
import { liveQuery } from 'dexie';
import { getDb } from '../../lib/db';
import { localSource } from '../../lib/data/local-source';
// The triage is what the dashboard opens on: its store comes with the first bundle, not as a later chunk.
import '../../lib/triage/store';

export const dashboardSource = localSource(async () => ({ db: getDb(), liveQuery }));
