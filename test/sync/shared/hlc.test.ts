import { describe, expect, it } from 'vitest';
import { compareHlc, createHlc, formatHlc, isHlc, parseHlc, receive, tick } from '../../../lib/sync/shared/hlc';

describe('hybrid logical clock', () => {
  it('formats stamps that sort as strings in clock order', () => {
    const stamps = [formatHlc(5, 0, 'b'), formatHlc(1_700_000_000_000, 12, 'a'), formatHlc(5, 1, 'a'), formatHlc(5, 0, 'a')];
    expect([...stamps].sort()).toEqual([formatHlc(5, 0, 'a'), formatHlc(5, 0, 'b'), formatHlc(5, 1, 'a'), formatHlc(1_700_000_000_000, 12, 'a')]);
    expect(formatHlc(5, 1, 'a')).toBe('0000000000005-0001-a');
  });

  it('parses what it formats, client ids with dashes included', () => {
    expect(parseHlc(formatHlc(1_700_000_000_123, 42, 'x-y-z'))).toEqual({ ms: 1_700_000_000_123, counter: 42, clientId: 'x-y-z' });
    expect(isHlc('0000000000005-0001-a')).toBe(true);
    for (const bad of ['', '5-1-a', '0000000000005-0001-', '0000000000005-01-a', 42, null]) expect(isHlc(bad)).toBe(false);
    expect(() => parseHlc('nope')).toThrow(/Not a hybrid logical clock/);
  });

  it('ticks monotonically even when the wall clock stands still or goes back', () => {
    const c = createHlc('a');
    const stamps = [tick(c, 100), tick(c, 100), tick(c, 90), tick(c, 101), tick(c, 50)];
    expect(stamps).toEqual([...stamps].sort());
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('borrows the next millisecond when the counter runs out', () => {
    const c = createHlc('a', 100, 9999);
    const next = tick(c, 100);
    expect(parseHlc(next)).toMatchObject({ ms: 101, counter: 0 });
  });

  it('stamps after any remote stamp it received', () => {
    for (const [localMs, remote, now] of [
      [100, formatHlc(500, 7, 'b'), 50],
      [500, formatHlc(500, 7, 'b'), 50],
      [900, formatHlc(500, 7, 'b'), 50],
      [100, formatHlc(500, 7, 'b'), 800],
    ] as const) {
      const c = createHlc('a', localMs, 3);
      const before = formatHlc(localMs, 3, 'a'); // the last stamp this clock gave
      receive(c, remote, now);
      const next = tick(c, now);
      expect(compareHlc(next, remote)).toBe(1);
      expect(compareHlc(next, before)).toBe(1);
    }
  });
});
