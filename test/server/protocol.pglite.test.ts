/** SYNC.md's protocol on the embedded store (PGlite), the default of `npm run server`. */
import { freshPgliteStore } from './helpers/pglite';
import { protocolSuite } from './protocol-suite';

protocolSuite('PGlite', freshPgliteStore);
