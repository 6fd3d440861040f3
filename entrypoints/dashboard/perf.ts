/**
 * Performance marks the benchmark reads in the page (`bench/dashboard.bench.ts`): the script starting, and the
 * triage's first render with its rows in the DOM.
 */
export const MARK_START = 'baton:dashboard:start';
export const MARK_TRIAGE_RENDERED = 'baton:triage:rendered';
export const MEASURE_TRIAGE = 'baton:triage:first-render';

/** The clients changed since the last visit are rebuilt, the summaries read and the triage decided from them. */
export const MARK_TRIAGE_DECIDED = 'baton:triage:decided';

const once = new Set<string>();
/** A performance mark set only the first time in a page load. */
export function markOnce(name: string): void {
  if (once.has(name)) return;
  once.add(name);
  performance.mark(name);
}

let marked = false;

/** Mark the triage's first render with its rows (once per page load). */
export function markTriageRendered(): void {
  if (marked) return;
  marked = true;
  performance.mark(MARK_TRIAGE_RENDERED);
  try {
    performance.measure(MEASURE_TRIAGE, MARK_START, MARK_TRIAGE_RENDERED);
  } catch {
    // The start mark is missing only when this module runs outside the page (tests).
  }
}
