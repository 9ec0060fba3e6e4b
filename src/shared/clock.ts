/**
 * The wall clock, injected where time decides an outcome (staff sessions, the login throttle, the API's
 * rate limit, the privacy jobs), so a test moves time instead of waiting for it or editing timestamps.
 * Production passes nothing and gets the machine's clock. (Pacing, which needs a monotonic clock and
 * sleeps, has its own: `PacingClock` in src/outbox/token-bucket.ts.)
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
