/**
 * Script payloads in what visitors type (names, notes, messages) are inert everywhere they are
 * shown back: the e-mails (HTML part), the .ics files, the manage page and the demo mailbox;
 * and a name cannot smuggle e-mail headers (CRLF).
 */
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businesses, outbox } from '../src/adapters/db/schema.js';
import { dbKinds } from './support/db.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';

const NAME = `<script>alert('n')</script>"><img src=x onerror=alert(1)>`;
const NOTE = `</textarea><script>alert('note')</script><a href="javascript:alert(2)">x</a>`;
const MESSAGE = `<svg onload=alert(3)><iframe src="javascript:alert(4)"></iframe>`;
/** The payloads' markup, live; escaped (&lt;script&gt;) it is harmless. The mailbox's own sandboxed iframe is not a payload. */
const LIVE = /<script|<img|<svg|<iframe[^>]*src="javascript|href="javascript:/i;

describe.each(dbKinds)('script payloads are inert on %s', (kind) => {
  let h: Harness;
  let base: string;
  let manageToken: string;
  beforeAll(async () => {
    h = await createHarness(kind);
    base = (await h.http({ mailbox: true })).url;
    h.deps.publicUrl = base;
    await h.deps.db.update(businesses).set({ notifyEmail: 'owner@salon.test' }).where(eq(businesses.id, 'biz-salon-spb'));

    const caller = h.caller();
    const { slots } = await caller.slots.find({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from: '2026-03-04', days: 1 });
    const hold = await caller.booking.hold({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', start: slots[0]!.start });
    const done = await caller.booking.confirm({
      holdToken: hold.holdToken,
      customer: { name: NAME, email: 'xss@example.com' },
      consent: true,
      lang: 'en',
      note: NOTE,
      idempotencyKey: 'xss-booking-1',
    });
    manageToken = done.manageToken;
    await caller.handoff.request({ siteKey: 'demo-salon-spb', message: MESSAGE, contact: { name: NAME, email: 'xss@example.com' }, lang: 'en', summary: NOTE });
    await runNow(jobDeps(h, 'outbox'), h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('e-mails carry the payloads escaped in HTML, and no header line break', async () => {
    const mail = await h.deps.db.select().from(outbox);
    expect(mail.length).toBeGreaterThanOrEqual(2);
    const withPayload = mail.filter((m) => m.html.includes('&lt;script&gt;') || m.html.includes('&lt;svg'));
    expect(withPayload.length, mail.map((m) => m.subject).join(' | ')).toBeGreaterThanOrEqual(1);
    for (const m of mail) {
      expect(m.html, m.subject).not.toMatch(LIVE);
      expect(m.subject).not.toMatch(/[\r\n]/);
      expect(m.to).not.toMatch(/[\r\n]/);
    }
  });

  it('.ics files (attached and downloaded) hold the name as one escaped value', async () => {
    const attached = (await h.deps.db.select().from(outbox)).map((m) => m.ics).filter((x): x is string => !!x);
    const downloaded = await (await fetch(`${base}/booking.ics?token=${encodeURIComponent(manageToken)}`)).text();
    for (const ics of [...attached, downloaded]) {
      // One event, no smuggled components or properties.
      const comp = new ICAL.Component(ICAL.parse(ics));
      expect(comp.getAllSubcomponents('vevent')).toHaveLength(1);
      expect(ics.split(/\r\n/).filter((l) => /^(BEGIN|END):/.test(l)).every((l) => /^(BEGIN|END):(VCALENDAR|VEVENT|VALARM|VTIMEZONE|STANDARD|DAYLIGHT)$/.test(l))).toBe(true);
      const attendee = comp.getFirstSubcomponent('vevent')!.getFirstProperty('attendee');
      if (attendee) expect(String(attendee.getParameter('cn'))).toContain('<script>');
    }
  });

  it('the manage page and the mailbox show the payloads as text', async () => {
    const page = await (await fetch(`${base}/manage?token=${encodeURIComponent(manageToken)}&lang=en`)).text();
    expect(page).not.toMatch(LIVE);
    const list = await fetch(`${base}/mailbox`);
    const listHtml = await list.text();
    expect(listHtml).not.toMatch(LIVE);
    for (const href of [...listHtml.matchAll(/href="(\/mailbox\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))) {
      const html = await (await fetch(`${base}${href}`)).text();
      expect(html, href).not.toMatch(LIVE);
    }
  });

  it('refuses CR/LF and other control characters in names (e-mail header injection), naming the field', async () => {
    const caller = h.caller();
    for (const name of ['Eve\r\nBcc: victim@example.com', 'Eve\nSubject: hi', 'Eve\u0000', 'Eve\u001b[31m']) {
      const e = await failureOf(
        caller.booking.confirm({ holdToken: 'x'.repeat(32), customer: { name, email: 'e@example.com' }, consent: true, lang: 'en', idempotencyKey: 'crlf-test-1' }),
      );
      expect(e.code).toBe('BAD_REQUEST');
      expect(e.data.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'customer.name' })]));
      const hand = await failureOf(caller.handoff.request({ siteKey: 'demo-salon-spb', message: 'hi', contact: { name, email: 'e@example.com' }, lang: 'en' }));
      expect(hand.data.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'contact.name' })]));
    }
  });
});
