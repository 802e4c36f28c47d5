/**
 * The last few slot-search answers, by everything they are computed from: the site's business,
 * service and staff rows (the same objects while the config cache holds them), the window, the
 * engine's bounds (findSlots reads `now` only through them: searchBounds) and the database's
 * whole answer for the search (readSchedule's one row: every booking, hold, exception and closure
 * that counts). Nothing is invalidated: a booking made, a hold expired, a config reloaded or a
 * minute passed changes the key, so a stale answer is never found — only recomputed.
 *
 * Why (issue 19): visitors of one site ask the same week again and again between bookings;
 * the search and its answer's objects were most of slots.find's CPU. The database is still asked
 * every time — that is what keeps the answer exact.
 */
import type { BusinessRow, ServiceRow, StaffRow } from './site.js';
import type { ScheduleRow } from './schedule.js';

/** Answers kept per process; each is a few KB to a few tens of KB (one site's week). */
export const SLOT_MEMO_SIZE = 64;

export interface SearchKey {
  business: BusinessRow;
  service: ServiceRow;
  staff: readonly StaffRow[];
  /** The answer's kind (shape, one server or all) and window, and the engine's bounds. */
  shape: string;
  row: ScheduleRow | undefined;
}

interface Entry {
  business: BusinessRow;
  service: ServiceRow;
  staff: readonly StaffRow[];
  value: unknown;
}

const textOf = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? null));

/** Deeply frozen: the same object is handed to every caller, so none may change it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * @example
 * const memo = slotMemo(64);
 * const answer = memo.get(key) ?? memo.set(key, compute());
 */
export function slotMemo(size = SLOT_MEMO_SIZE) {
  const entries = new Map<string, Entry>();
  const textKey = (k: SearchKey) =>
    [k.shape, k.business.id, k.service.id, k.staff.map((s) => s.id).join(','), textOf(k.row?.busy), textOf(k.row?.external), textOf(k.row?.exceptions), textOf(k.row?.closures)].join('\n');
  return {
    /** The answer stored under an equal key with the very same rows, or undefined. */
    get<T>(k: SearchKey): T | undefined {
      const e = entries.get(textKey(k));
      if (e === undefined || e.business !== k.business || e.service !== k.service || e.staff.length !== k.staff.length) return undefined;
      for (let i = 0; i < e.staff.length; i++) if (e.staff[i] !== k.staff[i]) return undefined;
      return e.value as T;
    },
    /** Stores the answer (deeply frozen) and returns it; the oldest goes when full. */
    set<T>(k: SearchKey, value: T): T {
      const key = textKey(k);
      entries.delete(key);
      if (entries.size >= size) entries.delete(entries.keys().next().value!);
      entries.set(key, { business: k.business, service: k.service, staff: [...k.staff], value: deepFreeze(value) });
      return value;
    },
  };
}
