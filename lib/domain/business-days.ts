/**
 * Business days for hand-over SLAs: Monday to Friday in UTC. No holiday calendar yet: a workspace's holidays are
 * not in the model, so an SLA that spans one reads a day stricter than people expect.
 */
import { DAY_MS } from './time';

/** Saturday and Sunday (UTC) are not business days. */
export function isBusinessDay(at: number): boolean {
  const wd = new Date(at).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/**
 * `at` moved forward by `n` business days, keeping the time of day: Friday 17:00 + 1 is Monday 17:00, and
 * Saturday 10:00 + 1 is Monday 10:00 (the clock starts on the next business day).
 */
export function addBusinessDays(at: number, n: number): number {
  if (n <= 0) return at;
  // From a weekend, n business days land where they would from the Friday before (Saturday + 1 = Friday + 1 =
  // Monday); starting from a business day makes five business days exactly one calendar week.
  let t = at;
  while (!isBusinessDay(t)) t -= DAY_MS;
  const weeks = Math.floor(n / 5);
  let rest = n - weeks * 5;
  t += weeks * 7 * DAY_MS;
  while (rest > 0) {
    t += DAY_MS;
    if (isBusinessDay(t)) rest--;
  }
  return t;
}

/**
 * How many business days have fully elapsed from `from` to `to`: the largest n with `addBusinessDays(from, n) <= to`
 * (0 when `to` is not after `from`).
 */
export function businessDaysBetween(from: number, to: number): number {
  if (to <= from) return 0;
  const weeks = Math.floor((to - from) / (7 * DAY_MS));
  let n = weeks * 5;
  while (addBusinessDays(from, n + 1) <= to) n++;
  return n;
}
