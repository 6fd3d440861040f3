/**
 * Per-token fixed-window rate limit, counted in this process only: behind a load balancer each instance allows
 * `max` per window, which is fine for a limit meant to stop a runaway client, not to meter usage.
 */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: RateLimit) {}

  /** Counts one request for `key`; returns 0 when allowed, else the seconds until the window resets. */
  hit(key: string, now = Date.now()): number {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.limit.windowMs) {
      if (this.windows.size > 10_000) this.prune(now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    if (w.count <= this.limit.max) return 0;
    return Math.max(1, Math.ceil((w.start + this.limit.windowMs - now) / 1000));
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.limit.windowMs) this.windows.delete(k);
  }
}
