/**
 * The waiting list end to end with an injected clock (issue 17), on both databases: a visitor
 * joins in the chat when no time suits; a cancellation offers the freed time to the first person
 * waiting (an exclusive hold + a one-tap link by e-mail); unused, it passes to the next when the
 * offer ends; nobody left, the hold is released; the tap books it and records `waitlist.filled`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { addDays, utcToZoned } from '@frontdesk/shared';
import { bookings, events, jobs, outbox, waitlistEntries, waitlistOffers } from '../src/adapters/db/schema.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { visitor } from './support/visitor.js';
import { failureOf } from './support/expect-error.js';
import { bookOffer, offerIdOf } from '../src/services/waitlist/offers.js';

const SITE = 'demo-barber-nyc';
const SERVICE = 'barber-haircut';
const STAFF = 'barber-marcus';
const NY = 'America/New_York';
/** Monday 2026-03-02 10:00 in New York. */
const MORNING = '2026-03-02T15:00:00.000Z';
const MIN = 60_000;

describe.each(dbKinds)('waiting list on %s', (kind) => {
  let h: Harness;
  let n = 0;
  const run = () => runNow(jobDeps(h, 'outbox'), h);
  const later = async (ms: number) => {
    h.clock.set(new Date(h.clock.now().getTime() + ms));
    await run();
  };

  /** A visitor who finds no time that suits and joins the waiting list for the barber's haircut, any time in the next 7 days. */
  async function join(name: string) {
    const email = `${name.toLowerCase()}${++n}@example.com`;
    const v = visitor(h, SITE, 'en');
    await v.send({ type: 'choose', optionId: 'intent:book' });
    await v.send({ type: 'choose', optionId: v.option('Haircut') });
    await v.send({ type: 'choose', optionId: `staff:${STAFF}` });
    const slots = v.view.prompt;
    expect(slots.kind === 'slots' && slots.actions?.map((a) => a.id)).toContain('waitlist:join');
    await v.send({ type: 'choose', optionId: 'waitlist:join' });
    expect(v.view.messages.at(-1)!.text).toContain('When would suit you?');
    await v.send({ type: 'choose', optionId: v.option('next 7 days') });
    await v.send({ type: 'choose', optionId: v.option('Any time of day') });
    const form = v.view.prompt;
    expect(form.kind === 'contact' && form.submit).toBe('Join the waiting list');
    await v.send({ type: 'contact', name, contact: email, consent: true });
    expect(v.view.messages.at(-1)!.text).toMatch(/You’re on the waiting list for .*Haircut.* We’ll write to .* when a time frees up/);
    return { v, email };
  }

  /** Someone else's booking of the barber two days ahead (the time that will be freed). */
  async function booked() {
    const day = addDays(utcToZoned(h.clock.now().getTime(), NY).date, 2);
    const { slots } = await h.caller().slots.find({ siteKey: SITE, serviceId: SERVICE, staffId: STAFF, from: day, days: 1 });
    const start = slots[n % slots.length]!.start;
    const hold = await h.caller().booking.hold({ siteKey: SITE, serviceId: SERVICE, staffId: STAFF, start });
    const done = await h.caller().booking.confirm({
      holdToken: hold.holdToken, customer: { name: 'Pat', email: `pat${++n}@example.com` }, consent: true, lang: 'en', idempotencyKey: `waitlist-test-${n}`,
    });
    return { start, manageToken: done.manageToken, id: done.booking.id };
  }

  const offersOf = (entryId: string) => h.deps.db.select().from(waitlistOffers).where(eq(waitlistOffers.entryId, entryId)).orderBy(asc(waitlistOffers.createdAt));
  const entryOf = async (email: string) => (await h.deps.db.select().from(waitlistEntries).where(eq(waitlistEntries.email, email)))[0]!;
  const linkIn = async (email: string) => {
    const mails = await h.deps.db.select().from(outbox).where(eq(outbox.to, email)).orderBy(asc(outbox.createdAt));
    const m = /http:\/\/localhost:3000\/waitlist\?t=(\S+)/.exec(mails.at(-1)?.text ?? '');
    return m ? decodeURIComponent(m[1]!) : null;
  };
  const publicHold = (start: string) => h.caller().booking.hold({ siteKey: SITE, serviceId: SERVICE, staffId: STAFF, start });

  beforeAll(async () => {
    h = await createHarness(kind, { now: MORNING });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('joining writes one waiting entry with the consented contact, the service, anyone/the staff member and the window', async () => {
    const { email } = await join('Ann');
    const e = await entryOf(email);
    expect(e).toMatchObject({ serviceId: SERVICE, staffId: STAFF, fromDay: '2026-03-02', toDay: '2026-03-08', part: 'any', status: 'waiting', lang: 'en', name: 'Ann' });
    expect(e.expiresAt.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    // Ends by itself when the window is over.
    expect(await h.deps.db.select().from(jobs).where(and(eq(jobs.kind, 'waitlist.expire-entry')))).toHaveLength(1);
  });

  it('a cancellation offers the time to the first person waiting, then the next when the offer ends, then frees it', async () => {
    await h.deps.db.update(waitlistEntries).set({ status: 'removed' });
    const first = await join('First');
    h.clock.set(new Date(h.clock.now().getTime() + MIN));
    const second = await join('Second');
    const b = await booked();
    await h.caller().booking.cancel({ manageToken: b.manageToken });
    await run();

    const [e1, e2] = [await entryOf(first.email), await entryOf(second.email)];
    expect(e1.status).toBe('offered');
    expect(e2.status).toBe('waiting');
    const [o1] = await offersOf(e1.id);
    expect(o1).toMatchObject({ status: 'offered', startsAt: new Date(b.start) });
    const link1 = await linkIn(first.email);
    expect(link1 && offerIdOf(h.deps.secret, link1)).toBe(o1!.id);
    expect(await linkIn(second.email)).toBeNull();
    // The time is held for them alone: the public cannot take it.
    expect((await failureOf(publicHold(b.start))).data.reason).toBe('SLOT_TAKEN');

    // 15 minutes unused: it goes to the next person; the first link no longer books.
    await later(15 * MIN);
    expect((await entryOf(first.email)).status).toBe('waiting');
    expect((await offersOf(e1.id))[0]!.status).toBe('expired');
    const [o2] = await offersOf(e2.id);
    expect(o2).toMatchObject({ status: 'offered', holdId: o1!.holdId });
    expect((await linkIn(second.email)) && offerIdOf(h.deps.secret, (await linkIn(second.email))!)).toBe(o2!.id);
    expect((await bookOffer(h.deps, o1!.id)).ok).toBe(false);
    expect((await failureOf(publicHold(b.start))).data.reason).toBe('SLOT_TAKEN');

    // Unused again, nobody else in line (the first was offered it already): the time is free for everyone.
    await later(15 * MIN);
    expect((await offersOf(e2.id))[0]!.status).toBe('expired');
    expect(await h.deps.db.select().from(bookings).where(eq(bookings.id, o1!.holdId!))).toHaveLength(0);
    expect((await publicHold(b.start)).holdToken).toBeTruthy();
  });

  it('the tap books the held time: the entry closes and waitlist.filled is recorded in the same transaction', async () => {
    await h.deps.db.update(waitlistEntries).set({ status: 'removed' });
    const { email } = await join('Tapper');
    const b = await booked();
    await h.caller().booking.cancel({ manageToken: b.manageToken });
    await run();
    const e = await entryOf(email);
    const [o] = await offersOf(e.id);
    await later(5 * MIN);
    const r = await bookOffer(h.deps, o!.id);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const row = (await h.deps.db.select().from(bookings).where(eq(bookings.id, r.value.booking.id)))[0]!;
    expect(row).toMatchObject({ status: 'confirmed', id: o!.holdId, staffId: STAFF });
    expect(row.startsAt.toISOString()).toBe(b.start);
    expect(await entryOf(email)).toMatchObject({ status: 'booked', bookingId: row.id });
    const filled = await h.deps.db.select().from(events).where(and(eq(events.kind, 'waitlist.filled'), eq(events.bookingId, row.id)));
    expect(filled).toHaveLength(1);
    // A second tap books nothing more; the expiry job later finds nothing to pass on.
    expect((await bookOffer(h.deps, o!.id)).ok).toBe(false);
    await later(15 * MIN);
    expect((await h.deps.db.select().from(bookings).where(eq(bookings.id, row.id)))[0]!.status).toBe('confirmed');
  });

  it('races: two taps of the offer, a public hold and the expiry job at once — exactly one booking; an unused offer with nobody next in line puts the person back in line', async () => {
    await h.deps.db.update(waitlistEntries).set({ status: 'removed' });
    const a = await join('Racer');
    h.clock.set(new Date(h.clock.now().getTime() + MIN));
    const b2 = await join('Next');
    const b = await booked();
    await h.caller().booking.cancel({ manageToken: b.manageToken });
    await run();
    const [oa] = await offersOf((await entryOf(a.email)).id);
    // Concurrent transactions (separate pool connections on PostgreSQL).
    const results = await Promise.allSettled([bookOffer(h.deps, oa!.id), bookOffer(h.deps, oa!.id), publicHold(b.start), run()]);
    const taps = results.slice(0, 2).map((r) => (r.status === 'fulfilled' ? (r.value as { ok: boolean }).ok : false));
    expect(taps.filter(Boolean)).toHaveLength(1);
    expect(results[2].status).toBe('rejected');
    const at = await h.deps.db.select().from(bookings).where(and(eq(bookings.staffId, STAFF), eq(bookings.startsAt, new Date(b.start))));
    expect(at.filter((x) => x.status === 'confirmed' || x.status === 'held')).toHaveLength(1);
    expect((await entryOf(b2.email)).status).toBe('waiting');

    // Another freed time for the next person, left unused: released, and they are back in line.
    const c = await booked();
    await h.caller().booking.cancel({ manageToken: c.manageToken });
    await run();
    const e2 = await entryOf(b2.email);
    const [o2] = await offersOf(e2.id);
    expect(o2!.status).toBe('offered');
    await later(15 * MIN);
    expect((await entryOf(b2.email)).status).toBe('waiting');
  });
  it('the /waitlist page over HTTP: GET shows the offer and books nothing, POST books it; a passed or forged link gets a clear page, never a 500', async () => {
    await h.deps.db.update(waitlistEntries).set({ status: 'removed' });
    const first = await join('Web');
    h.clock.set(new Date(h.clock.now().getTime() + MIN));
    const second = await join('Webnext');
    const b = await booked();
    await h.caller().booking.cancel({ manageToken: b.manageToken });
    await run();
    const { url } = await h.http();
    const token = (await linkIn(first.email))!;
    const page = (t: string, lang = 'en') => fetch(`${url}/waitlist?t=${encodeURIComponent(t)}`, { headers: { 'accept-language': lang } });
    const tap = (t: string, lang = 'en') =>
      fetch(`${url}/waitlist`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': lang }, body: new URLSearchParams({ t }).toString() });
    const entry = await entryOf(first.email);
    const [offer] = await offersOf(entry.id);

    // GET (a mail client's link preview does this too) shows the offer and books nothing.
    const shown = await page(token);
    expect(shown.status).toBe(200);
    const html = await shown.text();
    expect(html).toContain('A time has freed up for you');
    expect(html).toContain('Book this time');
    expect((await entryOf(first.email)).status).toBe('offered');
    expect((await h.deps.db.select().from(bookings).where(eq(bookings.id, offer!.holdId!)))[0]!.status).toBe('held');

    // The tap books it, then the page says so.
    const posted = await tap(token);
    expect(posted.status).toBe(303);
    expect((await entryOf(first.email)).status).toBe('booked');
    const after = await (await page(token)).text();
    expect(after).toContain('Booked. A confirmation is on its way.');
    expect(after).not.toContain('Book this time');
    // A second tap books nothing more, and is not an error.
    expect((await tap(token)).status).toBe(303);

    // A forged or cut link: a clear page in the reader's language (403), never a 500.
    for (const [lang, words] of [['en', 'This link does not work'], ['ru', 'Ссылка не работает'], ['hy', 'Հղումը չի աշխատում']] as const) {
      const bad = await page(`${token.slice(0, -3)}xyz`, lang);
      expect(bad.status).toBe(403);
      expect(await bad.text()).toContain(words);
      const badTap = await tap('nonsense', lang);
      expect(badTap.status).toBe(403);
      expect(await badTap.text()).toContain(words);
    }
    expect((await fetch(`${url}/waitlist`)).status).toBe(403);

    // A passed offer: the page says it has ended (in the entry's language), and the tap books nothing.
    const c = await booked();
    await h.caller().booking.cancel({ manageToken: c.manageToken });
    await run();
    const nextToken = (await linkIn(second.email))!;
    await later(15 * MIN);
    const ended = await page(nextToken);
    expect(ended.status).toBe(200);
    expect(await ended.text()).toContain('This offer has ended');
    expect((await tap(nextToken)).status).toBe(303);
    expect((await entryOf(second.email)).status).toBe('waiting');
  });
});
