import { describe, expect, it } from 'vitest';
import {
  CIRCULATE_WITHIN_HOURS,
  circulatedAtOf,
  circulation,
  circulationDueAt,
  handoffDueAt,
  isPastSla,
  QUEUE_DECISION_DAYS,
  REOPEN_WINDOW_DAYS,
  reopenedQuickly,
  TRIAGE_DECISION_DAYS,
  TRIAGE_DECISION_READ_DAYS,
  withinDays,
} from '../../lib/domain/windows';

const H = 3_600_000;
const D = 24 * H;
// Monday 23 Nov 2026, noon UTC.
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const decision = { id: 'd1', decidedAt: NOW - 2 * H };

describe('the windows the product runs on', () => {
  it('are the ones DOMAIN.md names: circulate within 24 h, reopened within 7 days', () => {
    expect(CIRCULATE_WITHIN_HOURS).toBe(24);
    expect(REOPEN_WINDOW_DAYS).toBe(7);
  });

  it('keep the queue to a fortnight and the triage to a month, reading a reopen window further back', () => {
    expect(QUEUE_DECISION_DAYS).toBeLessThan(TRIAGE_DECISION_DAYS);
    expect(TRIAGE_DECISION_READ_DAYS).toBe(TRIAGE_DECISION_DAYS + REOPEN_WINDOW_DAYS);
  });

  it.each<[string, number, number, boolean]>([
    ['today', NOW - H, 14, true],
    ['exactly 14 days ago', NOW - 14 * D, 14, true],
    ['a minute past 14 days', NOW - 14 * D - 60_000, 14, false],
    ['tomorrow (a clock ahead)', NOW + D, 14, true],
  ])('counts a time %s as within %#', (_, at, days, expected) => {
    expect(withinDays(at, NOW, days)).toBe(expected);
  });
});

describe('circulating a decision', () => {
  it('is due 24 hours after it was decided', () => {
    expect(circulationDueAt(NOW)).toBe(NOW + 24 * H);
  });

  it.each<[string, number | undefined, number, object]>([
    ['not circulated, 22 hours left', undefined, NOW, { circulated: false, leftMs: 22 * H, overdue: false }],
    ['overdue after 24 hours', undefined, NOW + 23 * H, { circulated: false, leftMs: -H, overdue: true }],
    ['circulated, whenever', NOW - H, NOW + 48 * H, { circulated: true, at: NOW - H, leftMs: 0, overdue: false }],
  ])('a decision is %s', (_, at, now, expected) => {
    expect(circulation(decision, at, now)).toMatchObject({ ...expected, dueAt: decision.decidedAt + 24 * H });
  });

  it('takes the earliest circulation: the decision’s own field or a decision_circulated event about it', () => {
    const events = [
      { name: 'decision_circulated' as const, at: NOW + 5, payload: { decisionId: 'd1' } },
      { name: 'decision_circulated' as const, at: NOW + 1, payload: { decisionId: 'other' } },
      { name: 'decision_logged' as const, at: NOW, payload: { decisionId: 'd1' } },
    ];
    expect(circulatedAtOf(decision, events)).toBe(NOW + 5);
    expect(circulatedAtOf({ ...decision, circulatedAt: NOW + 2 }, events)).toBe(NOW + 2);
    expect(circulatedAtOf(decision, [])).toBeUndefined();
  });
});

describe('reopening a decision', () => {
  it.each<[string, number, boolean]>([
    ['the same day', 3 * H, true],
    ['after exactly 7 days', 7 * D, true],
    ['after 7 days and a minute', 7 * D + 60_000, false],
    ['before the decision it reopens (clock skew)', -H, false],
  ])('%s counts as quick: %s', (_, gap, expected) => {
    expect(reopenedQuickly({ decidedAt: NOW }, { decidedAt: NOW + gap })).toBe(expected);
  });
});

describe('a hand-over’s SLA', () => {
  // Friday 20 Nov 2026, 10:00 UTC: two business days later is Tuesday 24 Nov.
  const FRIDAY = Date.UTC(2026, 10, 20, 10, 0, 0);
  const TUESDAY = Date.UTC(2026, 10, 24, 10, 0, 0);

  it.each<[string, { submittedAt?: number; createdAt: number; slaBusinessDays: number }, number]>([
    ['counts business days from submission', { submittedAt: FRIDAY, createdAt: FRIDAY - 10 * D, slaBusinessDays: 2 }, TUESDAY],
    ['counts from creation when the row has no submission time', { createdAt: FRIDAY, slaBusinessDays: 2 }, TUESDAY],
  ])('%s', (_, h, due) => {
    expect(handoffDueAt(h)).toBe(due);
  });

  it.each<[string, 'draft' | 'submitted' | 'accepted' | 'rejected', number, boolean]>([
    ['a submitted one before its due time', 'submitted', TUESDAY - H, false],
    ['a submitted one after its due time', 'submitted', TUESDAY + H, true],
    ['an accepted one, however late', 'accepted', TUESDAY + 30 * D, false],
    ['a rejected one, however late', 'rejected', TUESDAY + 30 * D, false],
  ])('is past for %s: %s', (_, status, now, expected) => {
    expect(isPastSla({ status, submittedAt: FRIDAY, createdAt: FRIDAY, slaBusinessDays: 2 }, now)).toBe(expected);
  });
});
