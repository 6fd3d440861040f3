/**
 * The time, for rules that depend on it (overdue, due in, "2 min ago"): re-rendered every `everyMs`, so a deadline
 * passing shows without any database change, and stable in between, so what is computed from it can be memoised.
 */
import { useEffect, useState } from 'react';

export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
