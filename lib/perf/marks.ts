/** Performance marks that pages set once per load, for the benchmarks that read them (`bench/`). */
const done = new Set<string>();

/** Set the mark `name` the first time it is asked for in this page; true when it was set now. */
export function markOnce(name: string): boolean {
  if (done.has(name)) return false;
  done.add(name);
  performance.mark(name);
  return true;
}
