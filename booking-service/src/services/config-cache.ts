/**
 * A short-lived in-process cache for business configuration (site + business, a service,
 * the staff who perform it): what every slot search reads and owners rarely change.
 *
 * Entries live CONFIG_TTL_MS (5 s), so a configuration change — hours, a service's duration,
 * a new staff member, a site's allowed origins — takes up to that long to reach searches in
 * each process. Bookings and holds are never cached: busy time is read from the database on
 * every search, and holds/confirms are guarded by the database's exclusion constraint.
 *
 * Expiry uses the process's monotonic clock, not deps.clock: tests move the business clock by
 * hours, which must not be mistaken for configuration ageing.
 */
export const CONFIG_TTL_MS = 5_000;

export interface ConfigCache {
  /** The cached value for `key`, else `load()`'s (shared by concurrent callers; failures are not kept). */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
}

export interface ConfigCacheOptions {
  ttlMs?: number;
  /** Most entries kept; the oldest go first. Bounds memory against floods of made-up keys. */
  maxEntries?: number;
  now?: () => number;
}

export function createConfigCache(options: ConfigCacheOptions = {}): ConfigCache {
  const ttlMs = options.ttlMs ?? CONFIG_TTL_MS;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const t = now();
      const hit = entries.get(key);
      if (hit && t - hit.at < ttlMs) return hit.value as Promise<T>;
      if (hit) entries.delete(key);
      const value = load();
      entries.set(key, { at: t, value });
      // A failed load (database down) must not be served for the next 5 s.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear: () => entries.clear(),
  };
}
