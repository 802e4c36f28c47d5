/**
 * The pages links open, on their own (no widget): clear pages for bad links, the window rule
 * explained, and the demo mailbox showing outbox mail with links that work.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { signToken } from '../src/services/tokens.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { book } from './support/booking.js';

const noStack = (html: string) => expect(html).not.toMatch(/at .*\.(ts|js):\d+|Error:|stack/i);

describe.each(dbKinds)('visitor pages and mailbox on %s', (kind) => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await createHarness(kind);
    base = (await h.http({ mailbox: true })).url;
    h.deps.publicUrl = base;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('forged, altered, wrong-purpose and expired links get a clear page in the visitor language, never a stack trace', async () => {
    h.clock.set('2026-03-02T06:00:00Z');
    const done = await book(h, { day: '2026-03-04', email: 'p@example.com', lang: 'hy', name: 'Անի' });
    const cases: Array<[string, number, string]> = [
      [`/manage?token=forged.token&lang=ru`, 403, 'Ссылка недействительна'],
      [`/manage?token=${encodeURIComponent(done.manageToken.slice(0, -2) + 'xx')}&lang=en`, 403, 'This link is not valid'],
      [`/manage?lang=hy`, 403, 'Հղումն անվավեր է'],
      [`/manage?token=${encodeURIComponent(signToken(h.deps.secret, done.booking.id, 'ics'))}`, 403, 'This link is not valid'],
      [`/rebook?token=${encodeURIComponent(done.manageToken)}`, 403, 'This link is not valid'],
      [`/manage?token=${encodeURIComponent(signToken(h.deps.secret, 'no-such-booking', 'manage'))}&lang=en`, 404, 'Booking not found'],
    ];
    for (const [path, status, text] of cases) {
      const r = await fetch(`${base}${path}`, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
      expect(r.status, path).toBe(status);
      expect(r.headers.get('content-type')).toContain('text/html');
      const html = await r.text();
      expect(html).toContain(text);
      noStack(html);
    }
    const forgedConfirm = await fetch(`${base}/confirm`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=abc.def&lang=ru' });
    expect(forgedConfirm.status).toBe(403);
    // The manage page in Armenian, with the booking.
    const ok = await fetch(`${base}/manage?token=${encodeURIComponent(done.manageToken)}`);
    expect(ok.status).toBe(200);
    const page = await ok.text();
    expect(page).toContain('Ձեր ամրագրումը');
    expect(page).toContain('Տեղափոխել այլ ժամի');
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
    // A day after the appointment ended, the link has expired.
    h.clock.set(new Date(Date.parse(done.booking.end) + 25 * 3_600_000));
    const old = await fetch(`${base}/manage?token=${encodeURIComponent(done.manageToken)}`, { headers: { 'accept-language': 'ru' } });
    expect(old.status).toBe(410);
    expect(await old.text()).toContain('Срок действия ссылки истёк');
  });

  it('explains the cancellation window and refuses a late cancel with a page, not an error dump', async () => {
    h.clock.set('2026-03-02T06:00:00Z');
    const done = await book(h, { day: '2026-03-05', email: 'late@example.com', lang: 'en', name: 'Late' });
    const open = await (await fetch(`${base}/manage?token=${encodeURIComponent(done.manageToken)}`)).text();
    expect(open).toMatch(/You can reschedule or cancel online until Thursday, March 5/);
    // The salon's window is 3 hours; one hour before, it is closed.
    h.clock.set(new Date(Date.parse(done.booking.start) - 3_600_000));
    const closed = await (await fetch(`${base}/manage?token=${encodeURIComponent(done.manageToken)}`)).text();
    expect(closed).toContain('please call +7 812 555-01-23');
    expect(closed).not.toContain('action="/manage/cancel"');
    const r = await fetch(`${base}/manage/cancel`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: done.manageToken, lang: 'en' }).toString(),
    });
    expect(r.status).toBe(409);
    const html = await r.text();
    expect(html).toContain('Too late to change online');
    noStack(html);
  });

  it('manage page: asks before moving or cancelling, never offers the booked time, wears the site colour; a cancelled booking offers "book again"', async () => {
    h.clock.set('2026-03-02T06:00:00Z');
    const done = await book(h, { day: '2026-03-05', email: 'ask@example.com', lang: 'en', name: 'Asker', index: 2 });
    const t = encodeURIComponent(done.manageToken);
    const page = await (await fetch(`${base}/manage?token=${t}&day=2026-03-05`)).text();
    expect(page).toContain('--brand:#7c3aed');
    expect(page).toContain('Moscow time');
    const offered = [...page.matchAll(/name="start" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered).not.toContain(done.booking.start);
    // A slot asks first: the page shows the question with a "yes" that posts, and nothing has moved yet.
    expect(page).not.toContain('action="/manage/reschedule"');
    const asked = await (await fetch(`${base}/manage?token=${t}&lang=en&day=2026-03-05&ask=move&start=${encodeURIComponent(offered[0]!)}`)).text();
    expect(asked).toMatch(/Move your booking to Thursday, March 5/);
    expect(asked).toContain(`action="/manage/reschedule"`);
    expect(asked).toContain(`name="start" value="${offered[0]}"`);
    expect(asked).toContain('Choose another time');
    // Cancel asks too.
    expect(page).not.toContain('action="/manage/cancel"');
    const cancelAsk = await (await fetch(`${base}/manage?token=${t}&lang=ru&ask=cancel`)).text();
    expect(cancelAsk).toContain('Отменить эту запись?');
    expect(cancelAsk).toContain('action="/manage/cancel"');
    expect(cancelAsk).toContain('Нет, оставить');
    const r = await fetch(`${base}/manage/cancel`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: done.manageToken, lang: 'en' }).toString() });
    expect(r.status).toBe(303);
    const cancelled = await (await fetch(`${base}/manage?token=${t}&lang=hy`)).text();
    expect(cancelled).toContain('Կրկին գրանցվել');
    const again = /href="(\/rebook\?token=[^"]+)"/.exec(cancelled)![1]!.replace(/&amp;/g, '&');
    // Saturday 20:30 in St Petersburg: today is over (2 hours' notice), so the rebook page opens on the
    // first later day with free times, not on an empty today.
    h.clock.set('2026-03-07T17:30:00Z');
    const rebookPage = await (await fetch(`${base}${again}`)).text();
    expect(rebookPage).toContain('aria-current="date"');
    const firstOffered = /name="start" value="([^"]+)"/.exec(rebookPage)![1]!;
    expect(firstOffered > '2026-03-08').toBe(true);
    expect(rebookPage).not.toContain('No free times on this day');
    expect(rebookPage).toContain('--brand:#7c3aed');
    // Links do one thing once (issue 11): the link books, and opening it again shows that booking
    // (its manage page), not times for a second one.
    const token = new URL(again, base).searchParams.get('token')!;
    const booked = await fetch(`${base}/rebook`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, start: firstOffered, lang: 'en' }).toString() });
    expect(booked.status).toBe(303);
    const reopened = await fetch(`${base}${again}`, { redirect: 'manual' });
    expect(reopened.status).toBe(303);
    const usedAt = reopened.headers.get('location')!;
    expect(usedAt).toMatch(/^\/manage\?token=/);
    const used = await (await fetch(new URL(usedAt, base))).text();
    expect(used).toContain('Այս հղումով Դուք արդեն գրանցվել եք');
    expect(used).toContain(`data-start="${firstOffered}"`);
    expect(used).not.toContain('action="/rebook"');
  });

  it('without SMTP, mail lands in the outbox and the mailbox page shows it with working links', async () => {
    h.clock.set('2026-03-02T06:00:00Z');
    const done = await book(h, { day: '2026-03-06', email: 'box@example.com', lang: 'ru', name: 'Мария' });
    await runNow(jobDeps(h, 'outbox'), h);
    const list = await (await fetch(`${base}/mailbox`)).text();
    expect(list).toContain('Запись подтверждена');
    const id = /box@example\.com[^<]*<\/td><td><a href="\/mailbox\/([^"/]+)"/.exec(list)![1]!;
    const view = await fetch(`${base}/mailbox/${id}`);
    expect(view.status).toBe(200);
    expect(await view.text()).toContain('box@example.com');
    const body = await (await fetch(`${base}/mailbox/${id}/html`)).text();
    const manage = /href="([^"]*\/manage\?token=[^"]+)"/.exec(body)![1]!.replace(/&amp;/g, '&');
    expect((await fetch(manage)).status).toBe(200);
    const ics = await fetch(`${base}/mailbox/${id}/invite.ics`);
    expect(await ics.text()).toContain(`UID:${done.booking.id}@frontdesk`);
    expect((await fetch(`${base}/mailbox/nope`)).status).toBe(404);
  });

  it('the mailbox is not served unless asked for', async () => {
    const app = createApp(h.deps, { log: () => {} });
    const s = await new Promise<Server>((r) => {
      const x = app.listen(0, '127.0.0.1', () => r(x));
    });
    try {
      const r = await fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}/mailbox`);
      expect(r.status).toBe(404);
    } finally {
      await new Promise<void>((r) => s.close(() => r()));
    }
  });
});
