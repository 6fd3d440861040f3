/** Time helpers shared by the domain functions. All timestamps are epoch milliseconds, all calendars UTC. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Whole and fractional days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: number, to: number): number {
  return (to - from) / DAY_MS;
}

/** The UTC month of a timestamp as `2026-01`, the key of cohorts and of imported revenue. */
export function monthKey(at: number): string {
  const d = new Date(at);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `2026-01` shifted by `months` (may be negative): `addMonths('2026-01', -12)` is `2025-01`. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The UTC date of a timestamp as `2026-03-02`, for facts people read. */
export function isoDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Median of a list, or null when it is empty (a median of nothing is not zero). */
export function medianOrNull(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
