/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those whose file name contains an argument) and prints one line
 * per benchmark: name, figure, target, ok or FAIL. Exits non-zero when any benchmark misses its target.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { meets, type Benchmark } from './types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1));
let failed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { benchmarks: Benchmark[] };
  for (const b of mod.benchmarks) {
    try {
      const r = await b.run();
      const ok = meets(r);
      if (!ok) failed++;
      const cmp = r.better === 'lower' ? '<=' : '>=';
      console.log(
        `${b.name.padEnd(58)} ${`${fmt(r.figure)} ${r.unit}`.padStart(16)}  target ${cmp} ${fmt(r.target)} ${r.unit}  ${ok ? 'ok' : 'FAIL'}${r.note ? `  (${r.note})` : ''}`,
      );
    } catch (err) {
      failed++;
      console.log(`${b.name.padEnd(58)} ${'error'.padStart(16)}  FAIL  (${err instanceof Error ? err.message : String(err)})`);
    }
  }
}
process.exit(failed ? 1 : 0);
