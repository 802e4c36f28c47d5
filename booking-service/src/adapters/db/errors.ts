/** PostgreSQL SQLSTATE codes we turn into expected outcomes. */
export const PG_EXCLUSION_VIOLATION = '23P01';
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

/**
 * The SQLSTATE of a database error, whichever driver raised it: Drizzle wraps driver errors
 * (DrizzleQueryError) and keeps the original as `cause`; pg and PGlite both expose `code`.
 */
export function pgErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function pgConstraint(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const c = (e as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Deadlocks and serialization failures are PostgreSQL telling one of several racing
 * transactions to try again; racing inserts into an exclusion constraint can deadlock
 * when each waits for another's uncommitted overlapping row.
 */
export const PG_RETRYABLE = new Set(['40P01', '40001']);

export async function retryTransient<T>(fn: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const code = pgErrorCode(err);
      if (i >= attempts || !code || !PG_RETRYABLE.has(code)) throw err;
      // Jittered backoff so the same racers do not collide again in lockstep.
      await new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** i));
    }
  }
}
