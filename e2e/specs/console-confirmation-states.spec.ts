/**
 * Whether each client confirmed (issue 17), as a St Petersburg salon owner reads it in Russian, in
 * the calendar grid and in the day list: one client pressed "Confirm" in the 24-hour reminder, one
 * was not asked yet, one got the 24-hour reminder and the 2-hour re-confirmation and never
 * answered. The reminders are the service's real jobs, run for those two bookings as of the time
 * they are due (DEV_JOB_RUNNER, booking-service/src/dev/job-runner.ts); the browser's time is
 * Playwright's page.clock, set to the morning of the visits. Screenshots + axe on both views.
 */
import type { APIRequestContext } from '@playwright/test';
import { ru } from '../../console/src/i18n/ru';
import { call, nearestSlots, type Slot } from '../support/api';
import { expect, OWNER, test } from '../support/console';
import { BOOKING_URL } from '../support/urls';

const SITE = 'demo-salon-spb';
const SERVICE = 'salon-haircut-men';
const TZ = 'Europe/Moscow';
const H = 3_600_000;
const spbDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date(iso));
const inDays = (n: number) => spbDate(new Date(Date.now() + n * 86_400_000).toISOString());

async function book(request: APIRequestContext, slot: Slot, name: string, email: string): Promise<string> {
  const hold = await call<{ holdToken: string }>(request, 'booking.hold', { siteKey: SITE, serviceId: SERVICE, staffId: slot.staffId, start: slot.start });
  const done = await call<{ booking: { id: string } }>(request, 'booking.confirm', {
    holdToken: hold.holdToken, customer: { name, email }, consent: true, lang: 'ru', idempotencyKey: `e2e-states-${email}`,
  });
  return done.booking.id;
}

/** Runs the booking's jobs (its reminders) as if the service's clock read `at`. */
async function runJobs(request: APIRequestContext, bookingId: string, at: number): Promise<void> {
  const res = await request.post(`${BOOKING_URL}/dev/jobs/run`, { data: { bookingId, at: new Date(at).toISOString() } });
  expect(res.ok(), await res.text()).toBe(true);
}

/** The "Confirm" link of the newest message to `to` that has one (the reminder), from the demo mailbox. */
async function confirmLinkTo(request: APIRequestContext, to: string): Promise<string> {
  let link = '';
  await expect(async () => {
    const list = await (await request.get(`${BOOKING_URL}/mailbox`)).text();
    const ids = [...list.matchAll(/<tr><td>[^<]*<\/td><td>([^<]*)<\/td><td><a href="\/mailbox\/([^"]+)">/g)].filter(([, t]) => t!.includes(to)).map(([, , id]) => id!);
    for (const id of ids) {
      const m = /(https?:\/\/[^\s"<]+\/confirm\?token=[A-Za-z0-9._~%-]+)/.exec(await (await request.get(`${BOOKING_URL}/mailbox/${id}`)).text());
      if (m) link = m[1]!;
    }
    expect(link, `a reminder with a Confirm link to ${to}`).not.toBe('');
  }).toPass({ timeout: 20_000 });
  return link;
}

test('the calendar and the day list say who confirmed, who was not asked yet and who did not answer', async ({ page, request, desk, check }) => {
  test.setTimeout(120_000);
  // Three visits with one master on one day at least three days ahead (so both reminders are still ahead).
  const all = await nearestSlots(request, SITE, SERVICE, inDays(3), 'salon-anna');
  const byDay = new Map<string, Slot[]>();
  for (const s of all) byDay.set(spbDate(s.start), [...(byDay.get(spbDate(s.start)) ?? []), s]);
  const [day, slots] = [...byDay].find(([, l]) => l.length >= 8)!;
  // Free slots that do not overlap: 45 minutes + 5 of buffer apart.
  const picked: Slot[] = [];
  for (const s of slots) if (picked.length < 3 && picked.every((p) => Math.abs(Date.parse(p.start) - Date.parse(s.start)) >= H)) picked.push(s);
  const tag = Date.now() % 100000;
  const [sure, later, silent] = [
    { name: 'Ольга Соколова', email: `olga.${tag}@example.com`, slot: picked[0]! },
    { name: 'Ирина Козлова', email: `irina.${tag}@example.com`, slot: picked[1]! },
    { name: 'Дарья Волкова', email: `darya.${tag}@example.com`, slot: picked[2]! },
  ];
  const ids = { sure: await book(request, sure.slot, sure.name, sure.email), later: await book(request, later.slot, later.name, later.email), silent: await book(request, silent.slot, silent.name, silent.email) };

  // The 24-hour reminders of two clients go out; one taps "Confirm" in hers.
  await runJobs(request, ids.sure, Date.parse(sure.slot.start) - 24 * H + 60_000);
  await runJobs(request, ids.silent, Date.parse(silent.slot.start) - 24 * H + 60_000);
  await page.goto(await confirmLinkTo(request, sure.email));
  await page.getByRole('button').first().click();
  await expect(page.getByRole('status')).toBeVisible();
  // The other never answers: the 2-hour reminder asks her once more, and nothing comes back.
  await runJobs(request, ids.silent, Date.parse(silent.slot.start) - 2 * H + 60_000);

  // The owner opens the calendar on the morning of that day (the browser's clock, not the wall's).
  await page.clock.setFixedTime(new Date(`${day}T06:00:00Z`));
  await desk.open(`/calendar?date=${day}&view=day`);
  await desk.signIn(OWNER(SITE));
  await expect(desk.heading).toHaveText('Calendar');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await expect(desk.heading).toHaveText(ru.calendar.title);

  const block = (id: string) => page.locator(`.tg-booking[data-booking="${id}"]`);
  await expect(block(ids.sure).locator('[data-confirmation]')).toHaveText(`${ru.calendar.confirmationShort.confirmed}`);
  await expect(block(ids.later).locator('[data-confirmation]')).toHaveText(`${ru.calendar.confirmationShort.pending}`);
  await expect(block(ids.silent).locator('[data-confirmation]')).toHaveText(`${ru.calendar.confirmationShort.no_answer}`);
  await block(ids.silent).scrollIntoViewIfNeeded();
  await check('ru-calendar-confirmation-states');

  // The day list: the same three, in time order, each state in words.
  await page.getByRole('button', { name: ru.calendar.list, exact: true }).click();
  const list = page.getByRole('list', { name: /^Записи на / });
  await expect(list).toBeVisible();
  const row = (id: string) => list.locator(`[data-booking="${id}"]`);
  await expect(row(ids.sure)).toContainText(sure.name);
  await expect(row(ids.sure)).toContainText('Мужская стрижка');
  await expect(row(ids.sure)).toContainText('Анна Смирнова');
  await expect(row(ids.sure).locator('[data-confirmation]')).toHaveText(`✓ ${ru.calendar.confirmation.confirmed}`);
  await expect(row(ids.later).locator('[data-confirmation]')).toHaveText(`… ${ru.calendar.confirmation.pending}`);
  await expect(row(ids.silent).locator('[data-confirmation]')).toHaveText(`! ${ru.calendar.confirmation.no_answer}`);
  const order = await list.locator('[data-booking]').evaluateAll((els) => els.map((e) => e.getAttribute('data-booking')));
  expect(order.filter((id) => Object.values(ids).includes(id!))).toEqual([ids.sure, ids.later, ids.silent]);
  await check('ru-day-list-confirmation-states');

  // A row opens the same booking panel as the grid.
  await row(ids.silent).click();
  await expect(page.getByTestId('booking-confirmation')).toHaveText(ru.calendar.confirmation.no_answer);
  await check('ru-day-list-booking-panel');

  // On a phone the list is one column, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Закрыть', exact: true }).click();
  await expect(row(ids.silent)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await check('ru-day-list-phone');
});
