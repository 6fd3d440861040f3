/**
 * The merge rule's cost: `mergeRow` of two 12-field rows with interleaved clocks, as a pull of 250,000 rows into a
 * client with local edits would run it. Target ≥ 200,000 merges/s, so merging never dominates a big pull.
 */
import { formatHlc } from '../lib/sync/shared/hlc';
import { mergeRow, type RowState } from '../lib/sync/shared/merge';
import type { Benchmark } from './types';

function row(offset: number, client: string): RowState {
  const fields: RowState['fields'] = {};
  for (let f = 0; f < 12; f++) fields[`field${f}`] = { v: f % 2 ? `value ${f}` : { n: f, list: [1, 2, 3] }, hlc: formatHlc(1_700_000_000_000 + ((f + offset) % 12) * 1000, 0, client) };
  return { fields, deleted: null };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'mergeRow, 12-field rows',
    async run() {
      const n = 250_000;
      const a = Array.from({ length: 64 }, (_, i) => row(i, 'a'));
      const b = Array.from({ length: 64 }, (_, i) => row(i + 5, 'b'));
      for (let i = 0; i < 20_000; i++) mergeRow(a[i % 64]!, b[i % 64]!); // warm-up
      const started = performance.now();
      let kept = 0;
      for (let i = 0; i < n; i++) kept += Object.keys(mergeRow(a[i % 64]!, b[(i * 7) % 64]!).fields).length;
      const seconds = (performance.now() - started) / 1000;
      if (kept !== n * 12) throw new Error('merge lost fields');
      return { figure: Math.round(n / seconds), unit: 'merges/s', target: 200_000, better: 'higher', note: `${n} merges in ${(seconds * 1000).toFixed(0)} ms` };
    },
  },
];
