/** One benchmark: it measures, and says what it measured against which target. */
export interface Benchmark {
  name: string;
  run(): Promise<BenchResult>;
}

export interface BenchResult {
  /** The measured figure, in `unit`. */
  figure: number;
  unit: string;
  target: number;
  /** Whether a lower figure (time, size) or a higher one (throughput) is better. */
  better: 'lower' | 'higher';
  /** Other figures worth printing on the same line (rows/s, the floor it compares with). */
  note?: string;
}

export function meets(r: BenchResult): boolean {
  return r.better === 'lower' ? r.figure <= r.target : r.figure >= r.target;
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
