import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, isBusinessDay } from '../../lib/domain/business-days';
import { DAY_MS } from '../../lib/domain/time';

const at = (iso: string) => Date.parse(iso);

describe('business days (Monday to Friday, UTC)', () => {
  it.each([
    ['2026-03-06T12:00:00Z', true], // Friday
    ['2026-03-07T12:00:00Z', false], // Saturday
    ['2026-03-08T23:59:00Z', false], // Sunday
    ['2026-03-09T00:00:00Z', true], // Monday
  ])('%s is a business day: %s', (iso, expected) => {
    expect(isBusinessDay(at(iso))).toBe(expected);
  });

  it.each([
    ['Monday + 2 is Wednesday', '2026-03-02T09:00:00Z', 2, '2026-03-04T09:00:00Z'],
    ['Friday + 1 is Monday', '2026-03-06T17:00:00Z', 1, '2026-03-09T17:00:00Z'],
    ['Thursday + 2 skips the weekend', '2026-03-05T10:00:00Z', 2, '2026-03-09T10:00:00Z'],
    ['Saturday + 1 is Monday', '2026-03-07T10:00:00Z', 1, '2026-03-09T10:00:00Z'],
    ['Sunday + 1 is Monday', '2026-03-08T10:00:00Z', 1, '2026-03-09T10:00:00Z'],
    ['Wednesday + 5 is next Wednesday', '2026-03-04T10:00:00Z', 5, '2026-03-11T10:00:00Z'],
    ['Friday + 6 is the Monday after next', '2026-03-06T10:00:00Z', 6, '2026-03-16T10:00:00Z'],
    ['+ 0 stays put', '2026-03-07T10:00:00Z', 0, '2026-03-07T10:00:00Z'],
  ])('%s', (_, from, n, to) => {
    expect(new Date(addBusinessDays(at(from), n)).toISOString()).toBe(new Date(at(to)).toISOString());
  });

  it.each([
    ['Friday 17:00 to Monday 16:59', '2026-03-06T17:00:00Z', '2026-03-09T16:59:00Z', 0],
    ['Friday 17:00 to Monday 17:00', '2026-03-06T17:00:00Z', '2026-03-09T17:00:00Z', 1],
    ['Monday to Monday a week later', '2026-03-02T09:00:00Z', '2026-03-09T09:00:00Z', 5],
    ['backwards', '2026-03-09T09:00:00Z', '2026-03-02T09:00:00Z', 0],
    ['four weeks and a day', '2026-03-02T09:00:00Z', '2026-03-31T09:00:00Z', 21],
  ])('business days between %s: %i', (_, from, to, n) => {
    expect(businessDaysBetween(at(from), at(to))).toBe(n);
  });

  it('counts back exactly what it added, from any start', () => {
    const start = fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z') });
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 300 }), (t, n) => {
        const end = addBusinessDays(t, n);
        expect(isBusinessDay(end) || n === 0).toBe(true);
        expect(businessDaysBetween(t, end)).toBe(n);
        expect(businessDaysBetween(t, end - 1)).toBe(Math.max(0, n - 1));
        expect(end - t).toBeLessThanOrEqual((Math.ceil(n / 5) * 7 + 2) * DAY_MS);
      }),
    );
  });
});
