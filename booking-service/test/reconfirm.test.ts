/**
 * Re-confirmation (issue 17) end to end with an injected clock, on PGlite and PostgreSQL: the
 * 24-hour reminder is the plain one for everybody; at the 2-hour reminder a client who has not
 * pressed "Confirm" is asked once more ("Please confirm you're coming at …" with Confirm /
 * Reschedule / Cancel) by e-mail and by SMS, while a client who confirmed in between gets the
 * plain reminder; running the jobs again sends nothing twice. The console calendar then shows
 * each booking's state: confirmed / not yet / no answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { businesses, outbox, sentMessages } from '../src/adapters/db/schema.js';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { startSmsEmulator, type SmsEmulator } from '../src/dev/sms-emulator.js';
import type { JobDeps } from '../src/jobs/deps.js';
import { calendarOf } from '../src/services/console/desk.js';
import { signToken } from '../src/services/tokens.js';
import { confirmAttendance } from '../src/services/visitor-confirm.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';

const H = 3_600_000;

describe.each(dbKinds)('re-confirmation at the 2-hour reminder on %s', (kind) => {
  let h: Harness;
  let sms: SmsEmulator;
  let d: JobDeps;

  beforeAll(async () => {
    h = await createHarness(kind);
    sms = await startSmsEmulator({ now: () => h.clock.now().getTime() });
    const channels = buildChannelsRuntime({ telegramApiRoot: 'http://127.0.0.1:9', appSecret: h.deps.secret, publicUrl: h.deps.publicUrl, sms: { apiUrl: sms.apiUrl, apiKey: sms.apiKey } });
    d = { ...jobDeps(h, 'outbox'), channels };
    await h.deps.db.update(businesses).set({ reminderLeadsMin: [1440, 120] }).where(eq(businesses.id, 'biz-salon-spb'));
  });
  afterAll(async () => {
    await h?.close();
    await sms?.close();
  });

  const mailTo = async (to: string) =>
    (await h.deps.db.select().from(outbox).orderBy(asc(outbox.createdAt), asc(outbox.id))).filter((m) => m.to.includes(to));

  it('asks an unconfirmed client once more, by e-mail and SMS, exactly once; a confirmed one gets the plain reminder', async () => {
    const quiet = await book(h, { day: '2026-03-04', index: 0, email: 'quiet@example.com' });
    const sure = await book(h, { day: '2026-03-04', index: 1, email: 'sure@example.com' });
    const phone = await book(h, { day: '2026-03-04', index: 2, email: '' });
    const starts = [quiet, sure, phone].map((b) => Date.parse(b.booking.start));
    await runNow(d, h);
    const smsBefore = sms.sent.length;

    // The 24-hour reminders: plain for everybody.
    h.clock.set(new Date(Math.max(...starts) - 24 * H));
    await runNow(d, h);
    for (const who of ['quiet@', 'sure@']) {
      const last = (await mailTo(who)).at(-1)!;
      expect(last.subject).toMatch(/^Напоминание/);
    }
    const firstSms = sms.sent.slice(smsBefore);
    expect(firstSms).toHaveLength(1);
    expect(firstSms[0]!.text).toContain('ждём вас');

    // One client presses "Confirm" between the reminders.
    expect((await confirmAttendance(h.deps, signToken(h.deps.secret, sure.booking.id, 'confirm'))).ok).toBe(true);

    // The 2-hour reminders: the re-confirmation request for the two who have not confirmed.
    for (const start of [...starts].sort((a, b) => a - b)) {
      h.clock.set(new Date(start - 2 * H));
      await runNow(d, h);
      await runNow(d, h);
      h.clock.advance(10 * 60_000);
      await runNow(d, h);
    }

    const quietMail = await mailTo('quiet@');
    const asked = quietMail.filter((m) => m.subject.startsWith('Подтвердите, что придёте'));
    expect(asked).toHaveLength(1);
    const time = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' }).format(new Date(starts[0]!));
    expect(asked[0]!.subject).toContain(`в ${time}`);
    expect(asked[0]!.text).toContain('Отменить запись');
    expect(asked[0]!.html).toContain('/confirm?token=');

    const sureMail = await mailTo('sure@');
    expect(sureMail.filter((m) => m.subject.startsWith('Подтвердите'))).toHaveLength(0);
    expect(sureMail.filter((m) => m.subject.startsWith('Напоминание'))).toHaveLength(2);

    const secondSms = sms.sent.slice(smsBefore + 1);
    expect(secondSms.map((m) => m.text)).toEqual([expect.stringContaining('подтвердите, что придёте')]);
    expect(secondSms[0]!.text).toMatch(/\/l\/[0-9A-Za-z]{10}/);

    // Recorded once per (booking, kind, version, channel): the 2-hour reminder of each booking.
    const recorded = await h.deps.db.select().from(sentMessages);
    const twoHour = recorded.filter((r) => /(^|:)reminder_120$/.test(r.kind)).map((r) => `${r.subjectId}:${r.kind}`).sort();
    expect(twoHour).toEqual([`${quiet.booking.id}:reminder_120`, `${sure.booking.id}:reminder_120`, `${phone.booking.id}:sms:reminder_120`].sort());

    // Staff see it in the calendar: confirmed by the client / no answer (asked twice); a booking
    // not yet reminded is "not yet".
    const later = await book(h, { day: '2026-03-06', email: 'later@example.com' });
    const cal = await calendarOf(h.deps, 'biz-salon-spb', 'ru', { from: new Date('2026-03-04T00:00:00Z'), to: new Date('2026-03-07T00:00:00Z') });
    const state = new Map(cal.bookings.map((b) => [b.id, b.confirmation]));
    expect(state.get(quiet.booking.id)).toBe('no_answer');
    expect(state.get(phone.booking.id)).toBe('no_answer');
    expect(state.get(sure.booking.id)).toBe('confirmed');
    expect(state.get(later.booking.id)).toBe('pending');
  });
});
