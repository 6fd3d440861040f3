/**
 * How the product names its things to people: hand-over kinds, roles, field keys, dates, spans of time and counts.
 * Pure, and the one place each wording is written, so the panel, popup, dashboard, one-pager and signals say the same
 * thing the same way (`test/domain/words.test.ts`).
 */
import type { HandoffKind } from './schemas';
import { DAY_MS, HOUR_MS } from './time';

/** Hand-over kinds as people say them, in lifecycle order. */
export const HANDOFF_KIND_LABELS: Record<HandoffKind, string> = {
  lead_to_opportunity: 'Lead → opportunity',
  opportunity_to_close: 'Opportunity → close',
  close_to_onboarding: 'Close → onboarding',
  onboarding_to_adoption: 'Onboarding → adoption',
  adoption_to_expansion: 'Adoption → expansion',
};

/** `close_to_onboarding` → "Close → onboarding". */
export function handoffKindLabel(kind: HandoffKind): string {
  return HANDOFF_KIND_LABELS[kind];
}

/** A key made of words joined by underscores, for the middle of a sentence: `executive_sponsor` → "executive sponsor". */
export function roleName(role: string): string {
  return role.replace(/_/g, ' ').trim();
}

/** The same as a label that starts a line: `executive_sponsor` → "Executive sponsor". */
export function roleLabel(role: string): string {
  const words = roleName(role);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `n` and the word for it, singular or plural: `plural(1, 'day')` "1 day", `plural(3, 'client')` "3 clients". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? word : many}`;
}

/** A calendar date people read (UTC, as every domain date): 23 Nov 2026. */
export function formatDay(at: number): string {
  return new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A date and time with its zone, for messages that leave Baton (a decision's summary): "23 Nov 2026, 14:05 UTC". */
export function formatDayTime(at: number, timeZone?: string): string {
  return new Date(at).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
}

const SPANS: [number, string][] = [
  [DAY_MS * 365, 'year'],
  [DAY_MS * 30, 'month'],
  [DAY_MS * 7, 'week'],
  [DAY_MS, 'day'],
  [HOUR_MS, 'hour'],
  [60_000, 'minute'],
];

/** Relative time in words ("3 days ago", "in 2 hours", "just now"), for people rather than logs. */
export function relativeTime(at: number, now: number): string {
  const diff = at - now;
  const abs = Math.abs(diff);
  for (const [ms, unit] of SPANS) {
    if (abs >= ms) {
      const word = plural(Math.round(abs / ms), unit);
      return diff < 0 ? `${word} ago` : `in ${word}`;
    }
  }
  return 'just now';
}

/** A percentage (0.734 → "73%"). */
export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
