/**
 * The estimate of time left shown beside a long operation's counts ("12,000 of 40,000 rows, about 8 s left"), from
 * the rate so far. Too early to tell (under a second, nothing done yet) or already done: no estimate.
 */

/** Below this much elapsed time the rate is mostly start-up cost, and an estimate would mislead. */
const TOO_EARLY_MS = 1_000;

/** Seconds left at the rate so far, rounded up; null when there is no honest estimate. */
export function secondsLeft(elapsedMs: number, done: number, total: number): number | null {
  if (done <= 0 || done >= total || elapsedMs < TOO_EARLY_MS) return null;
  return Math.ceil(((elapsedMs / done) * (total - done)) / 1_000);
}

/** "about 8 s left", "about 3 min left" from 90 s on. */
export function timeLeftText(seconds: number): string {
  return seconds < 90 ? `about ${seconds} s left` : `about ${Math.round(seconds / 60)} min left`;
}
