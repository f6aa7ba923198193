import { DurableObject } from "cloudflare:workers";

export const MAX_FAILURES = 10;
export const WINDOW_MS = 60_000;

export interface ThrottleVerdict {
  blocked: boolean;
  /** Seconds until the oldest failure in the window ages out; 0 when not blocked. */
  retryAfter: number;
}

/**
 * Failed token requests of one client_id (one object per id, so clients
 * never wait on each other): at most MAX_FAILURES a minute, a sliding window.
 *
 * The timestamps live in memory only. An object is evicted only after it
 * has been idle longer than the window, by which time every timestamp it
 * held has aged out anyway; and an object per guessed client_id must not
 * leave storage behind.
 */
export class TokenThrottle extends DurableObject<Env> {
  private failures: number[] = [];

  private prune(now: number): void {
    const since = now - WINDOW_MS;
    while (this.failures.length > 0 && this.failures[0]! <= since) this.failures.shift();
  }

  private verdict(now: number): ThrottleVerdict {
    if (this.failures.length < MAX_FAILURES) return { blocked: false, retryAfter: 0 };
    return { blocked: true, retryAfter: Math.max(1, Math.ceil((this.failures[0]! + WINDOW_MS - now) / 1000)) };
  }

  /** Counts one failure; once MAX_FAILURES are in the window, further ones are refused (and not counted). */
  async recordFailure(now = Date.now()): Promise<ThrottleVerdict> {
    this.prune(now);
    if (this.failures.length >= MAX_FAILURES) return this.verdict(now);
    this.failures.push(now);
    return { blocked: false, retryAfter: 0 };
  }

  async status(now = Date.now()): Promise<ThrottleVerdict> {
    this.prune(now);
    return this.verdict(now);
  }
}

export function tokenThrottle(env: Env, clientId: string): DurableObjectStub<TokenThrottle> {
  const namespace = env.TOKEN_THROTTLE as DurableObjectNamespace<TokenThrottle>;
  return namespace.get(namespace.idFromName(clientId));
}
