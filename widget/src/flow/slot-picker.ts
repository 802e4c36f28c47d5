import { computed, signal } from '@preact/signals-core';
import { createModel } from './model';
import type { Chat } from './chat';
import { addDays, zoned } from './dates';
import type { Slot, When } from './port';

/** Nearest slots are shown this many at a time ("3 nearest + show more"). */
export const PAGE = 3;
/**
 * How far ahead the nearest slots look, in days (the API allows 1..31), and how many days
 * the day picker offers: "show more" pages through the same fortnight the picker covers.
 */
const DAYS = 14;

export interface SlotQuery { siteKey: string; serviceId: string; staffId: string }

/**
 * Orders slots for a requested time: matches first (closest to an "at" time,
 * from an "after" time on, latest before a "before" time, or the whole day),
 * then the following days in time order.
 */
export function rank(slots: Slot[], when: When | null, timeZone: string): Slot[] {
  if (!when) return slots;
  const target = when.minuteOfDay ?? 0;
  const hit: [Slot, number][] = [];
  const rest: Slot[] = [];
  for (const s of slots) {
    const { date, minute } = zoned(s.start, timeZone);
    const onDay = date === when.date;
    if (onDay && when.kind === 'at') hit.push([s, Math.abs(minute - target)]);
    else if (onDay && when.kind === 'before' && minute < target) hit.push([s, target - minute]);
    else if (onDay && (when.kind === 'day' || (when.kind === 'after' && minute >= target))) hit.push([s, minute]);
    else if (date > when.date) rest.push(s);
  }
  hit.sort((a, b) => a[1] - b[1]);
  return [...hit.map((h) => h[0]), ...rest];
}

/**
 * Loads and pages slots for one service/specialist: nearest first, "show more",
 * a single day, a requested time, or the alternatives from a CONFLICT.
 */
export const SlotPicker = createModel((chat: Chat) => {
  const query = signal<SlotQuery | null>(null);
  const timeZone = signal('UTC');
  /** Not part of the saved state (it can be 100 KB): `refresh` fetches it again after a reload. */
  const loaded = signal<Slot[]>([]);
  const day = signal<string | null>(null);
  const when = signal<When | null>(null);
  const shown = signal(PAGE);

  const ranked = computed(() => rank(loaded.value, when.value, timeZone.value));
  const visible = computed(() => (day.value ? loaded.value : ranked.value.slice(0, shown.value)));
  const canShowMore = computed(() => !day.value && ranked.value.length > shown.value);

  const today = () => zoned(chat.deps.now(), chat.site.value?.business.timeZone ?? timeZone.value).date;

  /** The next fortnight of business-local days, for the day picker (a closed day says "no free times"). */
  const days = computed(() => Array.from({ length: DAYS }, (_, i) => addDays(today(), i)));

  async function loadRange(from: string, days: number): Promise<boolean> {
    const q = query.value;
    if (!q) return false;
    const r = await chat.call(() => chat.deps.api.slots({ ...q, from, days }), () => void loadRange(from, days));
    if (!r.ok) return false;
    timeZone.value = r.data.timeZone;
    loaded.value = r.data.slots;
    return true;
  }

  /** Nearest slots from today, or around `near` when free text asked for a time. */
  async function load(q: SlotQuery, near: When | null = null): Promise<boolean> {
    query.value = q;
    when.value = near;
    day.value = null;
    shown.value = PAGE;
    return refresh();
  }

  /** Fetches the slots on show again: the picked day, or the nearest around the asked time. */
  function refresh(): Promise<boolean> {
    const near = when.value;
    return day.value ? loadRange(day.value, 1) : loadRange(near && near.date > today() ? near.date : today(), DAYS);
  }

  function showMore(): void {
    shown.value += PAGE;
  }

  /** One day's slots, or back to the nearest (`null`). `label` echoes the visitor's choice. */
  async function pickDay(d: string | null, label?: string): Promise<void> {
    chat.user(label);
    if (!d) {
      if (query.value && (await load(query.value))) chat.bot({ k: 'slots' });
      return;
    }
    day.value = d;
    when.value = null;
    if (await loadRange(d, 1)) chat.bot({ k: 'slotsDay', day: d });
  }

  /** Shows the alternatives a CONFLICT carried; with none, falls back to nearest. */
  function offer(slots: Slot[] | undefined): Promise<boolean> | void {
    if (!slots?.length) return query.value ? load(query.value) : undefined;
    loaded.value = slots;
    when.value = null;
    day.value = null;
    shown.value = slots.length;
  }

  return { query, timeZone, day, when, shown, ranked, visible, canShowMore, days, load, refresh, showMore, pickDay, offer };
});
export type SlotPicker = InstanceType<typeof SlotPicker>;
