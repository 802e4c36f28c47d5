/**
 * Issue 4 end to end on the API + job runner: a real SMTP server on loopback receives the
 * mail, the tests parse it and follow its links over real HTTP. Time is the harness's manual
 * clock: the runner is called with "now" instead of sleeping until reminders are due.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { bookings, businesses, jobs, sentMessages } from '../src/adapters/db/schema.js';
import { queryRows } from '../src/adapters/db/client.js';
import { markAttendance } from '../src/services/attendance.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { linksOf, startSmtp, type TestSmtp } from './support/mail.js';
import { book, freeStart } from './support/booking.js';

const H = 3_600_000;

function calendarOf(m: ParsedMail) {
  const part = m.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  const text = part ? part.content.toString('utf8') : typeof m.text === 'string' && /BEGIN:VCALENDAR/.test(m.text) ? m.text : '';
  if (!text) throw new Error(`no calendar in "${m.subject}"`);
  return parseIcs(text);
}

function parseIcs(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  const vevent = comp.getFirstSubcomponent('vevent')!;
  const ev = new ICAL.Event(vevent);
  return {
    method: String(comp.getFirstPropertyValue('method')),
    uid: ev.uid,
    sequence: ev.sequence,
    start: ev.startDate.toJSDate().toISOString(),
    status: String(vevent.getFirstPropertyValue('status')),
    location: ev.location,
    description: ev.description,
    alarms: vevent.getAllSubcomponents('valarm').length,
  };
}

const get = (url: string) => fetch(url, { redirect: 'manual' });
const post = (url: string, form: Record<string, string>) =>
  fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

describe.each(dbKinds)('notifications on %s', (kind) => {
  let h: Harness;
  let smtp: TestSmtp;
  let base: string;

  beforeAll(async () => {
    h = await createHarness(kind);
    smtp = await startSmtp();
    base = (await h.http()).url;
    // Links in the mail must point at the server the test talks to.
    h.deps.publicUrl = base;
    await h.deps.db.update(businesses).set({ notifyEmail: 'owner@salon.test' }).where(eq(businesses.id, 'biz-salon-spb'));
  });
  afterAll(async () => {
    await smtp?.close();
    await h?.close();
  });
  afterEach(() => {
    smtp.mood = 'accept';
  });

  const fresh = () => {
    smtp.messages.length = 0;
    smtp.raw.length = 0;
  };
  const toVisitor = (m: ParsedMail) => !m.to || !JSON.stringify(m.to).includes('owner@salon.test');

  it('confirms by mail with a valid .ics; its manage link moves the booking over real HTTP; the new .ics has SEQUENCE 1; cancelling sends METHOD:CANCEL', async () => {
    fresh();
    h.clock.set('2026-03-02T06:00:00Z');
    const d = jobDeps(h, { smtpUrl: smtp.url });
    const done = await book(h, { day: '2026-03-04', name: 'Анна <script>alert(1)</script>', email: 'anna@example.com', lang: 'ru' });
    // The jobs committed with the booking, before anything ran.
    const pending = await h.deps.db.select().from(jobs).where(eq(jobs.bookingId, done.booking.id));
    expect(pending.map((j) => j.kind).sort()).toEqual(['mail.booking_confirmed', 'mail.reminder', 'mail.reminder', 'mail.staff_new_booking', 'notify.booking_confirmed', 'notify.reminder', 'notify.reminder']);

    await runNow(d, h);
    const [a, b] = await smtp.waitFor(2);
    const visitor = [a!, b!].find(toVisitor)!;
    const staff = [a!, b!].find((m) => !toVisitor(m))!;
    expect(visitor.subject).toContain('Запись подтверждена');
    expect(visitor.subject).toContain('Салон красоты «Лаванда»');
    expect(visitor.html).not.toContain('<script>alert');
    expect(visitor.html).toContain('&lt;script&gt;');
    expect(visitor.text).toContain('ул. Рубинштейна, 15');
    expect(visitor.messageId).toBe(`<booking_confirmed.v0.${done.booking.id}@frontdesk.test>`);
    expect(staff.subject).toContain('Новая запись');
    expect(staff.text).toContain('anna@example.com');

    const ics = calendarOf(visitor);
    expect(ics).toMatchObject({ method: 'REQUEST', uid: `${done.booking.id}@frontdesk`, sequence: 0, status: 'CONFIRMED', start: done.booking.start, alarms: 1 });
    expect(ics.location).toContain('Санкт-Петербург');

    // Follow the manage link: a page with the booking and the times it can move to.
    const manage = linksOf(visitor).find((l) => l.includes('/manage?token='))!;
    expect(manage.startsWith(base)).toBe(true);
    const page = await get(`${manage}&day=2026-03-05`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Мужская стрижка');
    const starts = [...html.matchAll(/name="start" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(starts.length).toBeGreaterThan(0);
    const token = new URL(manage).searchParams.get('token')!;
    const moved = await post(`${base}/manage/reschedule`, { token, start: starts[0]!, lang: 'ru' });
    expect(moved.status).toBe(303);
    const after = await (await get(new URL(moved.headers.get('location')!, base).toString())).text();
    expect(after).toContain('Готово: запись перенесена.');

    fresh();
    await runNow(d, h);
    const movedMails = await smtp.waitFor(2);
    const movedVisitor = movedMails.find(toVisitor)!;
    expect(movedVisitor.subject).toContain('Запись перенесена');
    expect(calendarOf(movedVisitor)).toMatchObject({ method: 'REQUEST', uid: `${done.booking.id}@frontdesk`, sequence: 1, start: starts[0] });
    const downloaded = parseIcs(await (await get(`${base}/booking.ics?token=${encodeURIComponent(token)}`)).text());
    expect(downloaded).toMatchObject({ uid: `${done.booking.id}@frontdesk`, sequence: 1, start: starts[0] });
    expect(downloaded.description).toContain('/manage?token=');

    fresh();
    const cancelled = await post(`${base}/manage/cancel`, { token, lang: 'ru' });
    expect(cancelled.status).toBe(303);
    await runNow(d, h);
    const cancelMails = await smtp.waitFor(2);
    const cancelVisitor = cancelMails.find(toVisitor)!;
    expect(cancelVisitor.subject).toContain('Запись отменена');
    expect(calendarOf(cancelVisitor)).toMatchObject({ method: 'CANCEL', uid: `${done.booking.id}@frontdesk`, status: 'CANCELLED', sequence: 2 });
    expect(cancelMails.find((m) => !toVisitor(m))!.subject).toContain('Запись отменена');

    // No reminder for a cancelled booking, ever.
    fresh();
    h.clock.set('2026-03-06T00:00:00Z');
    await runNow(d, h);
    expect(smtp.messages).toHaveLength(0);
  });

  it('a booking rescheduled twice gets reminders only for its final time, each once, with working confirm and reschedule links', async () => {
    fresh();
    h.clock.set('2026-03-02T06:00:00Z');
    const d = jobDeps(h, { smtpUrl: smtp.url });
    const done = await book(h, { day: '2026-03-05', index: 2, email: 'twice@example.com', name: 'Lena', lang: 'en' });
    const token = done.manageToken;
    const staffId = done.booking.staffId;
    await h.caller().booking.reschedule({ manageToken: token, start: await freeStart(h, staffId, '2026-03-06', { index: 3 }) });
    const final = await h.caller().booking.reschedule({ manageToken: token, start: await freeStart(h, staffId, '2026-03-09', { index: 1 }) });
    const finalStart = Date.parse(final.booking.start);
    await runNow(d, h);
    fresh();

    // Walk the clock in 15-minute steps past the appointment, running what is due at each step.
    const sentAt: Array<{ at: number; m: ParsedMail }> = [];
    for (let t = h.clock.now().getTime(); t <= finalStart + 2 * H; t += 15 * 60_000) {
      h.clock.set(new Date(t));
      const before = smtp.messages.length;
      await runNow(d, h);
      for (const m of smtp.messages.slice(before)) sentAt.push({ at: t, m });
    }
    // The 2-hour one asks once more (issue 17): the client has not confirmed after the first.
    const reminders = sentAt.filter((x) => x.m.subject?.startsWith('Reminder') || x.m.subject?.startsWith("Please confirm you're coming"));
    expect(reminders).toHaveLength(2);
    expect(reminders[0]!.m.subject).toMatch(/^Reminder/);
    expect(reminders[1]!.m.subject).toMatch(/^Please confirm you're coming at /);
    expect(reminders[0]!.at - (finalStart - 24 * H)).toBeGreaterThanOrEqual(0);
    expect(reminders[0]!.at - (finalStart - 24 * H)).toBeLessThan(15 * 60_000);
    expect(reminders[1]!.at - (finalStart - 2 * H)).toBeLessThan(15 * 60_000);
    expect(reminders.map((r) => r.m.messageId)).toEqual([
      `<reminder_1440.v2.${done.booking.id}@frontdesk.test>`,
      `<reminder_120.v2.${done.booking.id}@frontdesk.test>`,
    ]);
    expect(sentAt).toHaveLength(2);

    // Confirm from the first reminder (a GET shows a button; the POST records it).
    h.clock.set(new Date(finalStart - 3 * H));
    const links = linksOf(reminders[0]!.m);
    const confirm = links.find((l) => l.includes('/confirm?token='))!;
    const reschedule = links.find((l) => l.includes('action=reschedule'))!;
    expect((await get(confirm)).status).toBe(200);
    const row0 = await h.deps.db.select().from(bookings).where(eq(bookings.id, done.booking.id));
    expect(row0[0]!.visitorConfirmedAt).toBeNull();
    const ok = await post(`${base}/confirm`, { token: new URL(confirm).searchParams.get('token')!, lang: 'en' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Thank you');
    const row = await h.deps.db.select().from(bookings).where(eq(bookings.id, done.booking.id));
    expect(row[0]!.visitorConfirmedAt).not.toBeNull();
    // The reschedule link opens the manage page (here: too late to move online, and it says so).
    const rp = await get(reschedule);
    expect(rp.status).toBe(200);
    expect(await rp.text()).toMatch(/Online changes were possible until .*call \+7 812 555-01-23/);
    // A confirm token is not a manage token.
    expect((await get(`${base}/manage?token=${encodeURIComponent(new URL(confirm).searchParams.get('token')!)}`)).status).toBe(403);
  });

  it('SMTP refusing connections for an hour: every message is delivered exactly once after it recovers', async () => {
    fresh();
    h.clock.set('2026-03-02T06:00:00Z');
    const d = jobDeps(h, { smtpUrl: smtp.url });
    smtp.mood = 'refuse';
    const made: Array<Awaited<ReturnType<typeof book>>> = [];
    for (let i = 0; i < 3; i++) made.push(await book(h, { day: '2026-03-10', index: i * 4, email: `down${i}@example.com`, lang: 'hy', name: 'Անի' }));
    for (let minute = 0; minute <= 60; minute += 5) {
      h.clock.set(new Date(Date.parse('2026-03-02T06:00:00Z') + minute * 60_000));
      await runNow(d, h);
    }
    expect(smtp.messages).toHaveLength(0);
    expect(smtp.connections).toBeGreaterThan(6);
    const failing = await h.deps.db.select().from(jobs).where(and(isNull(jobs.doneAt), eq(jobs.kind, 'mail.booking_confirmed')));
    expect(failing.filter((j) => made.some((m) => m.booking.id === j.bookingId)).every((j) => j.attempts > 1 && j.lastError)).toBe(true);

    smtp.mood = 'accept';
    for (let minute = 65; minute <= 180; minute += 5) {
      h.clock.set(new Date(Date.parse('2026-03-02T06:00:00Z') + minute * 60_000));
      await runNow(d, h);
    }
    const ours = smtp.messages.filter((m) => made.some((b) => m.messageId?.includes(b.booking.id)));
    const ids = ours.map((m) => m.messageId);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    const hy = ours.filter(toVisitor);
    expect(hy).toHaveLength(3);
    for (const m of hy) {
      expect(m.subject).toContain('Ամրագրումը հաստատված է');
      expect(m.text).toContain('Բարև Ձեզ, Անի։');
      expect(calendarOf(m).method).toBe('REQUEST');
    }
  });

  it('reminders missed during downtime: on start only the most current one goes out, and none after the appointment', async () => {
    fresh();
    h.clock.set('2026-03-02T06:00:00Z');
    const d = jobDeps(h, { smtpUrl: smtp.url });
    const soon = await book(h, { day: '2026-03-11', index: 1, email: 'soon@example.com', lang: 'en', name: 'Sam' });
    const gone = await book(h, { day: '2026-03-13', index: 3, email: 'gone@example.com', lang: 'en', name: 'Kim' });
    await runNow(d, h);
    fresh();
    // "Down" from now until an hour before the first appointment.
    h.clock.set(new Date(Date.parse(soon.booking.start) - 1 * H));
    await runNow(d, h);
    const r = smtp.messages.filter((m) => m.subject?.startsWith('Reminder'));
    expect(r.map((m) => m.messageId)).toEqual([`<reminder_120.v0.${soon.booking.id}@frontdesk.test>`]);
    // Back only after the second appointment ended: nothing for it.
    fresh();
    h.clock.set(new Date(Date.parse(gone.booking.end) + 1 * H));
    await runNow(d, h);
    expect(smtp.messages).toHaveLength(0);
    const outcomes = await h.deps.db.select({ o: jobs.outcome, k: jobs.kind }).from(jobs).where(eq(jobs.bookingId, gone.booking.id));
    expect(outcomes.filter((x) => x.k === 'mail.reminder').map((x) => x.o)).toEqual(['skipped:too_late', 'skipped:too_late']);
  });

  it('a no-show gets a polite note whose one-click link books again; an attended visit gets "how was it" where the business wants it', async () => {
    fresh();
    h.clock.set('2026-03-02T06:00:00Z');
    const d = jobDeps(h, { smtpUrl: smtp.url });
    const missed = await book(h, { day: '2026-03-12', index: 0, email: 'missed@example.com', lang: 'ru', name: 'Олег' });
    const visited = await book(h, { day: '2026-03-12', index: 6, email: 'visited@example.com', lang: 'en', name: 'Eve' });
    await runNow(d, h);
    h.clock.set(new Date(Date.parse(visited.booking.end) + 10 * 60_000));
    await runNow(d, h);
    fresh();
    await h.deps.db.update(businesses).set({ feedbackEnabled: true }).where(eq(businesses.id, 'biz-salon-spb'));
    expect((await markAttendance(h.deps, { businessId: 'biz-salon-spb', bookingId: missed.booking.id, status: 'no_show' })).ok).toBe(true);
    expect((await markAttendance(h.deps, { businessId: 'biz-salon-spb', bookingId: visited.booking.id, status: 'attended' })).ok).toBe(true);
    await runNow(d, h);
    const note = (await smtp.waitFor(1))[0]!;
    expect(note.subject).toContain('Мы ждали вас сегодня');
    expect(smtp.messages).toHaveLength(1); // "how was it" waits two hours after the end
    h.clock.set(new Date(Date.parse(visited.booking.end) + 2 * H + 60_000));
    await runNow(d, h);
    const feedback = (await smtp.waitFor(2))[1]!;
    expect(feedback.subject).toContain('How was your visit?');

    const rebookLink = linksOf(note).find((l) => l.includes('/rebook?token='))!;
    const page = await get(`${rebookLink}&day=2026-03-13`);
    expect(page.status).toBe(200);
    const starts = [...(await page.text()).matchAll(/name="start" value="([^"]+)"/g)].map((m) => m[1]!);
    const token = new URL(rebookLink).searchParams.get('token')!;
    const booked = await post(`${base}/rebook`, { token, start: starts[0]!, lang: 'ru' });
    expect(booked.status).toBe(303);
    // Pressing twice books once.
    const again = await post(`${base}/rebook`, { token, start: starts[0]!, lang: 'ru' });
    expect(again.headers.get('location')).toContain('done=booked');
    const newPage = await (await get(new URL(booked.headers.get('location')!, base).toString())).text();
    expect(newPage).toContain('Готово: вы записаны.');
    const mine = await h.deps.db.select().from(bookings).where(eq(bookings.idempotencyKey, `rebook:${missed.booking.id}`));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'confirmed', customerId: (await h.deps.db.select().from(bookings).where(eq(bookings.id, missed.booking.id)))[0]!.customerId });
    fresh();
    await runNow(d, h);
    expect(smtp.messages.filter(toVisitor).map((m) => m.subject)).toEqual([expect.stringContaining('Запись подтверждена')]);
    await h.deps.db.update(businesses).set({ feedbackEnabled: false }).where(eq(businesses.id, 'biz-salon-spb'));
  });

  it('an optional 10-minute reminder, per business', async () => {
    fresh();
    h.clock.set('2026-03-02T06:00:00Z');
    await h.deps.db.update(businesses).set({ reminderLeadsMin: [1440, 120, 10] }).where(eq(businesses.id, 'biz-barber-nyc'));
    const d = jobDeps(h, { smtpUrl: smtp.url });
    const done = await book(h, { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', day: '2026-03-10', email: 'ten@example.com', lang: 'en', name: 'Joe' });
    const start = Date.parse(done.booking.start);
    await runNow(d, h);
    fresh();
    for (const lead of [1440, 120, 10]) {
      h.clock.set(new Date(start - lead * 60_000));
      await runNow(d, h);
    }
    expect(smtp.messages.map((m) => m.messageId)).toEqual([1440, 120, 10].map((l) => `<reminder_${l}.v0.${done.booking.id}@frontdesk.test>`));
    expect(smtp.messages[2]!.text).toContain('Bedford Blade Barbershop');
  });

  it('tells staff about a hand-off request, in the team language', async () => {
    fresh();
    const d = jobDeps(h, { smtpUrl: smtp.url });
    await h.caller().handoff.request({
      siteKey: 'demo-salon-spb',
      message: 'Можно ли окрашивание <b>и</b> стрижку за один визит?',
      contact: { name: 'Вика', phone: '+7 900 000-00-01' },
      lang: 'ru',
    });
    await runNow(d, h);
    const m = (await smtp.waitFor(1))[0]!;
    expect(m.subject).toContain('Посетитель просит связаться: Вика');
    expect(m.html).toContain('&lt;b&gt;и&lt;/b&gt;');
    expect(m.text).toContain('+7 900 000-00-01');
  });

  it('a booking never exists without its jobs: if the jobs cannot be written, the booking is not made', async () => {
    const db = h.deps.db;
    await db.execute(sql`ALTER TABLE jobs ADD CONSTRAINT jobs_test_block CHECK (false) NOT VALID`);
    try {
      await expect(book(h, { day: '2026-03-16', email: 'x@example.com' })).rejects.toThrow();
    } finally {
      await db.execute(sql`ALTER TABLE jobs DROP CONSTRAINT jobs_test_block`);
    }
    const rows = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM bookings b JOIN customers c ON c.id = b.customer_id WHERE c.email = 'x@example.com'`);
    expect(rows[0]!.n).toBe(0);
    // And every confirmed booking has its confirmation job.
    const orphans = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM bookings b WHERE b.status <> 'held'
          AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.booking_id = b.id AND j.kind = 'mail.booking_confirmed')`,
    );
    expect(orphans[0]!.n).toBe(0);
  });

  it('records each message once in sent_messages', async () => {
    const dupes = await queryRows<{ n: number }>(h.deps.db, sql`SELECT count(*)::int AS n FROM sent_messages GROUP BY message_id HAVING count(*) > 1`);
    expect(dupes).toHaveLength(0);
    expect((await h.deps.db.select().from(sentMessages)).length).toBeGreaterThan(10);
  });
});
