/**
 * Offering free times, shared by booking and rescheduling: search (as an effect), then say what
 * was found: the nearest, a day's, or those around an asked time, with the day strip's free days.
 */
import { utcToZoned } from '@frontdesk/shared';
import type { ResultOf, SlotRef } from '../effects.js';
import { dayOf, fits, freeDays, isOpenAt, rankAround, searchStart, targetOf } from '../slots.js';
import { MAX_SLOTS, PAGE, WINDOW_DAYS, type AskedWhen, type SlotList } from '../state.js';
import type { Turn } from '../turn.js';
import { dayWords, instantWords } from '../words/format.js';

export function today(t: Turn): string {
  return utcToZoned(t.ctx.now, t.ctx.business.timeZone).date;
}

export function emptyList(serviceId: string, staffId: string | null, excludeBookingId: string | null = null): SlotList {
  return { serviceId, staffId, excludeBookingId, mode: 'nearest', when: null, day: null, slots: [], shown: PAGE, freeDays: [], nextFreeDay: null };
}

/** Asks for the free times `list` should show next: the nearest, one day's, or around `when`. */
export function search(t: Turn, list: SlotList, mode: 'nearest' | 'day' | 'when', at?: { day?: string; when?: AskedWhen }): SlotList {
  const next: SlotList = { ...list, mode, day: at?.day ?? null, when: at?.when ?? null, shown: PAGE, nextFreeDay: null };
  const from = mode === 'day' ? at!.day! : searchStart(next.when, today(t));
  // A day's search also looks ahead, so a day without free times can name the next free one.
  t.request({ kind: 'findSlots', serviceId: list.serviceId, staffId: list.staffId, from, days: WINDOW_DAYS, excludeBookingId: list.excludeBookingId ?? undefined });
  return next;
}

/**
 * Takes the search result into `list` and says what it holds. Returns null when nothing at all
 * is free in the window (the caller offers a person instead).
 */
export function receive(t: Turn, list: SlotList, r: ResultOf<'findSlots'>): SlotList | null {
  if (!r.ok) {
    t.say('error');
    return list;
  }
  const tz = t.ctx.business.timeZone;
  const all = r.slots;
  const merged = [...new Set([...list.freeDays, ...freeDays(all, tz)])].sort().filter((d) => d >= today(t));
  const next: SlotList = { ...list, freeDays: merged, nextFreeDay: null };
  if (all.length === 0) {
    t.say('slotsNoneAtAll', { days: WINDOW_DAYS });
    return null;
  }
  const lang = t.lang;
  if (list.mode === 'day' && list.day) {
    const onDay = all.filter((s) => dayOf(s, tz) === list.day);
    if (onDay.length > 0) {
      t.say('slotsDay', { ...dayWords(list.day, lang) });
      return { ...next, slots: onDay.slice(0, MAX_SLOTS), shown: onDay.length };
    }
    const nextDay = dayOf(all[0]!, tz);
    const shownDay = all.filter((s) => dayOf(s, tz) === nextDay);
    t.say('slotsDayNone', { ...dayWords(list.day, lang) });
    t.say('nextFreeDay', { ...dayWords(nextDay, lang) });
    return { ...next, day: nextDay, nextFreeDay: nextDay, slots: shownDay.slice(0, MAX_SLOTS), shown: shownDay.length };
  }
  if (list.mode === 'when' && list.when) {
    const when = list.when;
    const ranked = rankAround(all, when, tz);
    if (when.kind === 'at') {
      const words = instantWords(targetOf(when, tz), tz, lang);
      const free = ranked.some((s) => fits(s, when, tz));
      t.say(free ? 'askedFree' : isOpenAt(t.ctx.business.openingHours, when) ? 'askedTaken' : 'askedClosed', { ...words });
    } else if (ranked.some((s) => fits(s, when, tz))) {
      t.say('slotsDay', { ...dayWords(when.date, lang) });
    } else {
      t.say('askedDayNone', { ...dayWords(when.date, lang) });
    }
    return { ...next, slots: ranked.slice(0, MAX_SLOTS) };
  }
  t.say('slotsNearest');
  // Nothing left today (the near days full, or closed): the strip names the first day that has times.
  const first = dayOf(all[0]!, tz);
  return { ...next, mode: 'nearest', slots: all.slice(0, MAX_SLOTS), nextFreeDay: first > today(t) ? first : null };
}

/** Alternatives a taken time came back with (nearest to the wanted time, in time order). */
export function alternatives(list: SlotList, slots: SlotRef[]): SlotList {
  return { ...list, mode: 'alternatives', day: null, when: null, slots, shown: slots.length, nextFreeDay: null };
}

/** The slots on show now (the page of the nearest, or the whole day). */
export function visible(list: SlotList): SlotRef[] {
  return list.slots.slice(0, list.mode === 'day' || list.mode === 'alternatives' ? list.slots.length : list.shown);
}

export function more(list: SlotList): SlotList {
  return { ...list, shown: list.shown + PAGE };
}
