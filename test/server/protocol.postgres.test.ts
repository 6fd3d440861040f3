/** SYNC.md's protocol on a real PostgreSQL server, started by the test (skipped locally without PostgreSQL, never in CI). */
import { describe, it } from 'vitest';
import { postgresDb } from '../../server/store/db';
import { Store } from '../../server/store/store';
import { POSTGRES_MISSING_MESSAGE, postgresAvailable, startPostgres } from './helpers/postgres';
import { protocolSuite } from './protocol-suite';

if (postgresAvailable()) {
  protocolSuite('PostgreSQL', async () => {
    const cluster = await startPostgres();
    const store = await Store.open(postgresDb(await cluster.createDatabase('protocol')));
    return {
      store,
      async close() {
        await store.close();
        await cluster.stop();
      },
    };
  });
} else {
  describe('sync protocol 1 on PostgreSQL', () => {
    it.skip(POSTGRES_MISSING_MESSAGE, () => undefined);
  });
}
