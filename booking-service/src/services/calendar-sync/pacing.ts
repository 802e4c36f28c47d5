/**
 * Per-user request pacing within Google's published Calendar quota of 600 requests per minute
 * per user per project. The quota is per project, so every process of the service shares it:
 * the pacing state lives in the database, one row per user, not in process memory.
 *
 * The algorithm is GCRA (a token bucket written as one "theoretical arrival time", TAT):
 * each request atomically reserves the next slot, TAT' = max(TAT, now) + T, and goes out at
 * TAT' − T − τ (τ = (burst − 1)·T, the burst allowance). In any window W at most W/T + burst
 * requests conform; with T = ⌈60 000 / (600 − burst)⌉ ms = 102 ms and burst 10 that is
 * ⌊60 000/102⌋ + 10 = 598 per minute, under 600 however many processes take from the row.
 * Time is the database's clock (clock_timestamp()), so processes on different hosts agree.
 * Real time, not the business clock: this is about the outbound request rate.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../adapters/db/client.js';

export interface Pacer {
  /** Resolves when one more request for `key` may go out. */
  take(key: string): Promise<void>;
}

export interface PacingOptions {
  perMinute?: number;
  burst?: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Emission interval T (ms) so that 60 s / T + burst stays within `perMinute`. */
export function emissionIntervalMs(perMinute: number, burst: number): number {
  return Math.ceil(60_000 / (perMinute - burst));
}

/**
 * The pacer of the running service: state in `app_settings` rows keyed `gcal.pace:<user>`
 * (value: TAT in epoch ms), shared by every process on the database. `now` replaces the
 * database clock in tests.
 */
export function createSharedPacer(db: Db, o: PacingOptions & { now?: () => number } = {}): Pacer {
  const burst = o.burst ?? 10;
  const T = emissionIntervalMs(o.perMinute ?? 600, burst);
  const tau = (burst - 1) * T;
  const sleep = o.sleep ?? realSleep;
  return {
    async take(key) {
      const now = o.now ? sql`${Math.round(o.now())}::bigint` : sql`(extract(epoch from clock_timestamp()) * 1000)::bigint`;
      const rows = await queryRows<{ tat: string | number; now: string | number }>(
        db,
        sql`INSERT INTO app_settings (key, value) VALUES (${`gcal.pace:${key}`}, (${now} + ${T}::bigint)::text)
            ON CONFLICT (key) DO UPDATE SET value = (GREATEST(app_settings.value::bigint, ${now}) + ${T}::bigint)::text
            RETURNING value::bigint AS tat, ${now} AS now`,
      );
      const r = rows[0]!;
      const wait = Number(r.tat) - T - tau - Number(r.now);
      if (wait > 0) await sleep(wait);
    },
  };
}

/** The same GCRA in process memory: for tests and tools that run a single process. */
export function createPacer(o: PacingOptions & { now?: () => number } = {}): Pacer {
  const burst = o.burst ?? 10;
  const T = emissionIntervalMs(o.perMinute ?? 600, burst);
  const tau = (burst - 1) * T;
  const now = o.now ?? (() => performance.now());
  const sleep = o.sleep ?? realSleep;
  const tats = new Map<string, number>();
  return {
    async take(key) {
      const t = now();
      const tat = Math.max(tats.get(key) ?? t, t) + T;
      tats.set(key, tat);
      const wait = tat - T - tau - t;
      if (wait > 0) await sleep(wait);
    },
  };
}
