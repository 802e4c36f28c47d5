/**
 * Issue 11, "links do one thing once; manage links keep working until the appointment is over":
 * the link opens (showing the booking, changes closed once the cancellation window passed)
 * before, during and until a day after the appointment, whatever the window; a moved booking's
 * link lives as long as its new time; only then it has expired — for the API, the page and the .ics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { MANAGE_LINK_GRACE_MS } from '../src/services/manage.js';
import { bookingIcs } from '../src/services/ics.js';
import { book, freeStart } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

const MIN = 60_000;

describe.each(dbKinds)('manage link lifetime on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const opens = async (token: string) => {
    try {
      return (await h.caller().booking.get({ manageToken: token })).booking.status;
    } catch (e) {
      return (e as TRPCError & { cause?: { failure?: { reason?: string } } }).cause?.failure?.reason ?? String(e);
    }
  };

  it('works before, inside the cancellation window, during and until a day after the visit; then expires', async () => {
    const T0 = h.clock.now().toISOString();
    const done = await book(h, { day: '2026-03-11' });
    const start = Date.parse(done.booking.start);
    const end = Date.parse(done.booking.end);
    const { url } = await h.http();
    try {
      for (const at of [start - 10 * MIN /* inside the 3-hour window */, start + 5 * MIN, end, end + MANAGE_LINK_GRACE_MS - MIN]) {
        h.clock.set(new Date(at).toISOString());
        expect(await opens(done.manageToken), new Date(at).toISOString()).toBe('confirmed');
        expect((await bookingIcs(h.deps, done.manageToken)).ok).toBe(true);
        expect((await fetch(`${url}/manage?token=${encodeURIComponent(done.manageToken)}&lang=en`)).status).toBe(200);
      }
      // Inside the window the link still opens, but changes are closed (call the business).
      h.clock.set(new Date(start - 10 * MIN).toISOString());
      expect((await h.caller().booking.get({ manageToken: done.manageToken })).cancellation.allowed).toBe(false);

      h.clock.set(new Date(end + MANAGE_LINK_GRACE_MS + MIN).toISOString());
      expect(await opens(done.manageToken)).toBe('TOKEN_EXPIRED');
      expect(await bookingIcs(h.deps, done.manageToken)).toMatchObject({ ok: false, reason: 'TOKEN_EXPIRED' });
      expect((await fetch(`${url}/manage?token=${encodeURIComponent(done.manageToken)}&lang=en`)).status).toBe(410);
    } finally {
      h.clock.set(T0);
    }
  });

  it('a booking moved later keeps its link until its new time is over', async () => {
    const T0 = h.clock.now().toISOString();
    const done = await book(h, { day: '2026-03-12' });
    const to = await freeStart(h, done.booking.staffId, '2026-03-19');
    const moved = await h.caller().booking.reschedule({ manageToken: done.manageToken, start: to });
    try {
      // Past the old time's grace, before the new one: the same link opens.
      h.clock.set(new Date(Date.parse(done.booking.end) + MANAGE_LINK_GRACE_MS + 60 * MIN).toISOString());
      expect(await opens(done.manageToken)).toBe('confirmed');
      h.clock.set(new Date(Date.parse(moved.booking.end) + MANAGE_LINK_GRACE_MS + MIN).toISOString());
      expect(await opens(done.manageToken)).toBe('TOKEN_EXPIRED');
    } finally {
      h.clock.set(T0);
    }
  });
});
