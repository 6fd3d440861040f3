/**
 * Hybrid logical clock, as SYNC.md defines it: `<13-digit ms>-<4-digit counter>-<clientId>`.
 * Plain string comparison orders two stamps; the client id breaks ties between installs, so no two
 * installs ever produce equal stamps for different writes.
 */

export interface HlcState {
  /** Highest wall-clock millisecond seen (local or remote). */
  ms: number;
  /** Counter within that millisecond. */
  counter: number;
  clientId: string;
}

const HLC_RE = /^(\d{13})-(\d{4})-(.{1,64})$/;
const MAX_COUNTER = 9999;

export class HlcError extends Error {
  override name = 'HlcError';
}

export function formatHlc(ms: number, counter: number, clientId: string): string {
  return `${String(ms).padStart(13, '0')}-${String(counter).padStart(4, '0')}-${clientId}`;
}

export function parseHlc(stamp: string): { ms: number; counter: number; clientId: string } {
  const m = HLC_RE.exec(stamp);
  if (!m) throw new HlcError(`Not a hybrid logical clock stamp: "${stamp}"`);
  return { ms: Number(m[1]), counter: Number(m[2]), clientId: m[3]! };
}

export function isHlc(stamp: unknown): stamp is string {
  return typeof stamp === 'string' && HLC_RE.test(stamp);
}

/** Compare two stamps; plain string order is the clock order by construction. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Make a clock for one install. */
export function createHlc(clientId: string, ms = 0, counter = 0): HlcState {
  return { ms, counter, clientId };
}

/** Next stamp for a local event at wall time `now`; mutates `state`. */
export function tick(state: HlcState, now: number): string {
  if (now > state.ms) {
    state.ms = now;
    state.counter = 0;
  } else {
    state.counter += 1;
    if (state.counter > MAX_COUNTER) {
      // Counter exhausted within one millisecond: borrow the next millisecond (stays monotonic).
      state.ms += 1;
      state.counter = 0;
    }
  }
  return formatHlc(state.ms, state.counter, state.clientId);
}

/** Fold a remote stamp into the local clock so the next local stamp sorts after it; mutates `state`. */
export function receive(state: HlcState, remote: string, now: number): void {
  const r = parseHlc(remote);
  const ms = Math.max(state.ms, r.ms, now);
  if (ms === state.ms && ms === r.ms) state.counter = Math.max(state.counter, r.counter);
  else if (ms === r.ms) state.counter = r.counter;
  else if (ms !== state.ms) state.counter = 0;
  state.ms = ms;
}
