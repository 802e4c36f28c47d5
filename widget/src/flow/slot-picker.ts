import { computed, signal } from '@preact/signals-core';
import { createModel } from './model';
import type { Chat } from './chat';
import { addDays, isoWeekday, zoned } from './dates';
import type { Slot, When } from './port';

/** Nearest slots are shown this many at a time ("3 nearest + show more"). */
export const PAGE = 3;
/** How far ahead one nearest-slots request looks, in days (the API allows 1..31). */
const WINDOW = 14;
/** How many days the day picker offers. */
const PICKER_DAYS = 14;

export interface SlotQuery { siteKey: string; serviceId: string; staffId: string }

/**
 * Orders slots for a requested time: matches first (closest to an "at" time,
 * from an "after" time on, latest before a "before" time, or the whole day),
 * then the following days in time order.
 */
export function rank(slots: Slot[], when: When | null, timeZone: string): { slots: Slot[]; missed: boolean } {
  if (!when) return { slots, missed: false };
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
  return { slots: [...hit.map((h) => h[0]), ...rest], missed: !hit.length };
}

/**
 * Loads and pages slots for one service/specialist: nearest first, "show more",
 * a single day, a requested time, or the alternatives from a CONFLICT.
 */
export const SlotPicker = createModel((chat: Chat) => {
  const query = signal<SlotQuery | null>(null);
  const timeZone = signal('UTC');
  const loaded = signal<Slot[]>([]);
  /** First day not yet loaded in nearest mode; '' once a day or alternatives are shown. */
  const next = signal('');
  const day = signal<string | null>(null);
  const when = signal<When | null>(null);
  const shown = signal(PAGE);
  const alternatives = signal(false);

  const ranked = computed(() => rank(loaded.value, when.value, timeZone.value));
  const visible = computed(() => (day.value ? loaded.value : ranked.value.slots.slice(0, shown.value)));
  const canShowMore = computed(() => !day.value && (ranked.value.slots.length > shown.value || !!next.value));

  const today = () => zoned(chat.deps.now(), chat.site.value?.business.timeZone ?? timeZone.value).date;

  /** Business-local days with opening hours, for the day picker. */
  const days = computed(() => {
    const hours = chat.site.value?.business.openingHours;
    const first = today();
    const out: string[] = [];
    for (let i = 0; i < PICKER_DAYS; i++) {
      const d = addDays(first, i);
      if (!hours || hours[isoWeekday(d)]?.length) out.push(d);
    }
    return out;
  });

  async function loadRange(from: string, days: number, append: boolean): Promise<boolean> {
    const q = query.value;
    if (!q) return false;
    const again = () => void loadRange(from, days, append);
    const r = await chat.call(() => chat.deps.api.slots({ ...q, from, days }), again);
    if (!r.ok) return false;
    timeZone.value = r.data.timeZone;
    loaded.value = append ? [...loaded.value, ...r.data.slots] : r.data.slots;
    return true;
  }

  /** Nearest slots from today, or around `near` when free text asked for a time. */
  async function load(q: SlotQuery, near: When | null = null): Promise<boolean> {
    query.value = q;
    when.value = near;
    day.value = null;
    shown.value = PAGE;
    alternatives.value = false;
    const from = near && near.date > today() ? near.date : today();
    next.value = addDays(from, WINDOW);
    return loadRange(from, WINDOW, false);
  }

  async function showMore(): Promise<void> {
    shown.value += PAGE;
    // Page in the next window when the loaded one runs out; an empty one ends the paging.
    const from = next.value;
    if (ranked.value.slots.length < shown.value && from) {
      const before = loaded.value.length;
      next.value = addDays(from, WINDOW);
      if ((await loadRange(from, WINDOW, true)) && loaded.value.length === before) next.value = '';
    }
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
    alternatives.value = false;
    next.value = '';
    if (await loadRange(d, 1, false)) chat.bot({ k: 'slotsDay', day: d });
  }

  /** Shows the alternatives a CONFLICT carried; with none, falls back to nearest. */
  function offer(slots: Slot[] | undefined): Promise<boolean> | void {
    if (!slots?.length) return query.value ? load(query.value) : undefined;
    loaded.value = slots;
    when.value = null;
    day.value = null;
    next.value = '';
    shown.value = slots.length;
    alternatives.value = true;
  }

  const state = { query, timeZone, loaded, next, day, when, shown, alternatives };
  return { ...state, state, ranked, visible, canShowMore, days, load, showMore, pickDay, offer };
});
export type SlotPicker = InstanceType<typeof SlotPicker>;
