import type { FlowDeps, WidgetEvent } from './chat';
import type { ConversationInit, Saved } from './conversation';
import type { ApiPort, Failure, Result, Site, Slot } from './port';

/** A New York barber, as `site.get` returns it: two barbers, one single-barber service. */
export const SITE: Site = {
  siteKey: 'demo-barber-nyc',
  lang: 'en',
  business: {
    name: 'Hudson Cuts', address: '12 Bleecker St, New York', timeZone: 'America/New_York', currency: 'USD',
    languages: ['en'], defaultLang: 'en', cancellationWindowMin: 120, whatToBring: 'Nothing',
    openingHours: { '1': [{ start: '09:00', end: '18:00' }], '2': [{ start: '09:00', end: '18:00' }], '3': [{ start: '09:00', end: '18:00' }], '4': [{ start: '09:00', end: '18:00' }], '5': [{ start: '09:00', end: '18:00' }], '6': [{ start: '10:00', end: '16:00' }] },
  },
  services: [
    { id: 'barber-haircut', name: 'Haircut', durationMin: 30, price: { kind: 'fixed', amount: 40 }, currency: 'USD', staffIds: ['mike', 'sam'] },
    { id: 'barber-beard', name: 'Beard trim', durationMin: 20, price: { kind: 'range', min: 20, max: 30 }, currency: 'USD', staffIds: ['sam'] },
  ],
  staff: [{ id: 'mike', name: 'Mike' }, { id: 'sam', name: 'Sam' }],
  widget: {
    color: '#0b6e4f', position: 'right', greeting: 'Hi! How can we help?',
    intents: [
      { id: 'prices', label: 'Prices' }, { id: 'book', label: 'Book' }, { id: 'human', label: 'Talk to a person' },
      { id: 'my_booking', label: 'My booking' }, { id: 'other', label: 'Other' },
    ],
    quoteTrees: [{ id: 'cut', title: 'Haircut price', serviceIds: ['barber-haircut'] }],
  },
};

/** 10:00–17:30 every half hour on the given New York (EDT, UTC−4) days. */
export function slotsOn(dates: string[]): Slot[] {
  const out: Slot[] = [];
  for (const d of dates) {
    for (let m = 10 * 60; m < 18 * 60; m += 30) {
      const h = (n: number) => String(n).padStart(2, '0');
      const at = (min: number) => `${d}T${h(Math.floor(min / 60) + 4)}:${h(min % 60)}:00.000Z`;
      out.push({ start: at(m), end: at(m + 30), staffId: m % 60 ? 'sam' : 'mike' });
    }
  }
  return out;
}

export const ok = <T>(data: T): Promise<Result<T>> => Promise.resolve({ ok: true, data });
export const fail = (error: Failure): Promise<Result<never>> => Promise.resolve({ ok: false, error });

/** An ApiPort that answers like the seeded service; override any method per test. */
export function fakeApi(over: Partial<ApiPort> = {}): ApiPort & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  const log = <I, O>(name: string, fn: (i: I) => Promise<O>) => (i: I) => {
    calls.push([name, i]);
    return fn(i);
  };
  const base: ApiPort = {
    site: () => ok(SITE),
    slots: (i) => ok({ timeZone: 'America/New_York', slots: i.days === 1 ? slotsOn([i.from]) : slotsOn(['2026-06-10', '2026-06-11']) }),
    hold: (i) => ok({ holdToken: `hold-${i.start}`, expiresAt: '2026-06-10T00:00:00Z', staffId: i.staffId ?? 'mike' }),
    confirm: () => ok({ booking: { id: 'b1', start: '2026-06-10T14:00:00.000Z', end: '2026-06-10T14:30:00.000Z', serviceId: 'barber-haircut', staffId: 'mike', status: 'confirmed' }, manageToken: 'tok-1' }),
    booking: (i) => ok({
      booking: { id: 'b1', start: '2026-06-10T14:00:00.000Z', end: '2026-06-10T14:30:00.000Z', serviceId: 'barber-haircut', staffId: 'mike', status: 'confirmed', serviceName: 'Haircut', staffName: 'Mike', customerName: 'Ann' },
      business: { name: SITE.business.name, address: SITE.business.address, timeZone: SITE.business.timeZone },
      siteKey: SITE.siteKey,
      cancellation: { allowed: i.manageToken !== 'late', deadline: '2026-06-10T12:00:00.000Z' },
    }),
    reschedule: (i) => ok({ booking: { id: 'b1', start: i.start, end: i.start, serviceId: 'barber-haircut', staffId: 'mike', status: 'confirmed' } }),
    cancel: () => ok({ booking: { id: 'b1', start: '', end: '', serviceId: 'barber-haircut', staffId: 'mike', status: 'cancelled' } }),
    quote: () => fail({ code: 'NOT_FOUND' }),
    interpret: () => ok({ intent: 'other' }),
    handoff: () => ok({ id: 'h1', expectedReplyBy: '2026-06-10T14:05:00.000Z', withinOpeningHours: true }),
    icsUrl: (t) => `http://booking.test/booking.ics?token=${t}`,
    event: () => {},
  };
  const api = { ...base, ...over };
  for (const k of Object.keys(api) as (keyof ApiPort)[]) {
    if (k !== 'icsUrl') (api as unknown as Record<string, unknown>)[k] = log(k, api[k] as (i: unknown) => Promise<unknown>);
  }
  return Object.assign(api, { calls });
}

/** Deps with a fixed clock (Tue 9 June 2026, 12:00 in New York) and recorded events. */
export function fakeDeps(api: ApiPort, tokens: string[] = []) {
  const events: [WidgetEvent, Record<string, unknown>][] = [];
  let n = 0;
  const deps: FlowDeps = {
    api,
    now: () => new Date('2026-06-09T16:00:00Z'),
    emit: (e, d) => void events.push([e, d]),
    newId: () => `key-${++n}`,
    tokens: { list: () => tokens, add: (t) => void tokens.push(t) },
  };
  return { deps, events, tokens };
}

export function memorySaved(initial: unknown = null): Saved & { value: unknown; writes: number } {
  const s = {
    value: initial, writes: 0,
    load: () => s.value,
    save: (v: unknown) => {
      s.value = JSON.parse(JSON.stringify(v));
      s.writes++;
    },
  };
  return s;
}

export const INIT: ConversationInit = { siteKey: 'demo-barber-nyc', lang: 'en' };

/** Lets pending promise chains (fake API answers) settle. */
export const settle = () => new Promise((r) => setTimeout(r, 0));
