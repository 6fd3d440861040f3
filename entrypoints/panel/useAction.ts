import { useCallback, useState } from 'react';

/**
 * Runs a write and keeps its error for the UI: the user sees what was wrong (a validation message names the field)
 * and nothing was written, since each repository call is one transaction.
 */
export function useAction(): { run: <T>(fn: () => Promise<T>) => Promise<T | undefined>; error: string | null; clear: () => void } {
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(fn: () => Promise<T>) => {
    try {
      setError(null);
      return await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }, []);
  return { run, error, clear: () => setError(null) };
}
