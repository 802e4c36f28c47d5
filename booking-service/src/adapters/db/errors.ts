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

/** Socket-level failures reaching the database server (refused, reset, unreachable, DNS). */
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** Server going away or refusing sessions: admin/crash shutdown, cannot connect now, too many connections. */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300']);
/** What pg and pg-pool say, without a code, when a connection dies or cannot be had in time. */
const DRIVER_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Connection closed|Client was closed/i;

/**
 * Whether an error means "the database cannot be reached right now" (as opposed to a bug or a
 * bad query): the one place that decides it, so the public and console APIs both answer 503
 * with Retry-After instead of 500. SQLSTATE class 08 is "connection exception".
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [err];
  while (stack.length > 0 && seen.size < 20) {
    const e = stack.pop();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NET_CODES.has(code) || PG_UNAVAILABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && DRIVER_MESSAGES.test(message)) return true;
    stack.push((e as { cause?: unknown }).cause);
    // Node's net.connect reports every address it tried (IPv4 and IPv6) in an AggregateError.
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner)) stack.push(...(inner as unknown[]));
  }
  return false;
}
