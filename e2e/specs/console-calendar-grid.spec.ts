/**
 * The staff calendar as a time grid: one column per barber on a day, bookings placed by time,
 * a booking dragged to another time and to another barber (the console's reschedule API), and
 * a click on an empty hour that books a phone client there.
 */
import { bookAs, nearestSlots, type Slot } from '../support/api';
import { expect, OWNER, test } from '../support/console';

const SITE = 'demo-barber-nyc';
const TZ = 'America/New_York';
const PX = 1.2; // px per minute (console/src/ui/time-grid.tsx)

const nyDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date(iso));
const nyMinute = (iso: string) => {
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso)).split(':').map(Number);
  return h! * 60 + m!;
};
const nyTime = (iso: string) => new Intl.DateTimeFormat('en-US', { timeZone: TZ, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
const inDays = (n: number) => nyDate(new Date(Date.now() + n * 86_400_000).toISOString());

/** Free haircut slots of one barber on the first day (from `from`) where they have at least `n`. */
async function dayWithSlots(request: Parameters<typeof nearestSlots>[0], staffId: string, from: string, n: number): Promise<{ day: string; slots: Slot[] }> {
  const all = await nearestSlots(request, SITE, 'barber-haircut', from, staffId);
  const byDay = new Map<string, Slot[]>();
  for (const s of all) byDay.set(nyDate(s.start), [...(byDay.get(nyDate(s.start)) ?? []), s]);
  const hit = [...byDay].find(([, list]) => list.length >= n);
  if (!hit) throw new Error(`${staffId} has no day with ${n} free slots`);
  return { day: hit[0], slots: hit[1] };
}

test('drag a booking to another time, then to another barber', async ({ page, request, desk, check }) => {
  // A Wednesday-to-Friday day where both Marcus and Diego work (Marcus Tue–Sat, Diego Mon–Fri).
  let found: { day: string; slots: Slot[] } | undefined;
  for (let from = 3; !found && from < 14; from++) {
    const m = await dayWithSlots(request, 'barber-marcus', inDays(from), 12);
    const wd = new Date(`${m.day}T12:00:00Z`).getUTCDay();
    if (wd >= 2 && wd <= 5) found = m;
  }
  const { day, slots } = found!;
  const first = slots[0]!;
  const client = `Drag Client ${Date.now() % 100000}`;
  const made = await bookAs(request, SITE, 'barber-haircut', first, client);

  await desk.open(`/calendar?date=${day}&view=day`);
  await desk.signIn(OWNER(SITE));
  await expect(desk.heading).toHaveText('Calendar');
  // One column per barber working in the shop, each a labelled group.
  for (const name of ['Marcus', 'Diego', 'Sam']) await expect(page.getByRole('group', { name, exact: true })).toBeVisible();
  const block = page.locator(`[data-booking="${made.booking.id}"]`);
  await expect(block).toContainText(client);
  await expect(block.locator('.time')).toHaveText(new RegExp(`^${nyTime(first.start)}`));
  await check('calendar-grid-day');

  // Two hours later on Marcus's column (a free time: the slots list says so).
  const target = slots.find((s) => nyMinute(s.start) >= nyMinute(first.start) + 120)!;
  const box = (await block.boundingBox())!;
  const dy = (nyMinute(target.start) - nyMinute(first.start)) * PX + 3;
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 8 + dy / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2, box.y + 8 + dy, { steps: 5 });
  await expect(page.locator('.tg-ghost')).toHaveText(nyTime(target.start));
  await check('calendar-grid-dragging');
  await page.mouse.up();
  await expect(desk.status).toContainText('Booking moved.');
  await expect(block.locator('.time')).toHaveText(new RegExp(`^${nyTime(target.start)}`));
  await check('calendar-grid-moved');

  // Sideways into Diego's column at the same time, if Diego is free then; else at his first free time.
  const diego = await nearestSlots(request, SITE, 'barber-haircut', day, 'barber-diego');
  const onDay = diego.filter((s) => nyDate(s.start) === day);
  const free = onDay.find((s) => s.start === target.start) ?? onDay[0]!;
  const diegoCol = (await page.getByRole('group', { name: 'Diego', exact: true }).boundingBox())!;
  const from = (await block.boundingBox())!;
  await page.mouse.move(from.x + 10, from.y + 8);
  await page.mouse.down();
  await page.mouse.move(diegoCol.x + 20, from.y + 8 + (nyMinute(free.start) - nyMinute(target.start)) * PX + 3, { steps: 8 });
  await page.mouse.up();
  const moved = page.getByRole('group', { name: 'Diego', exact: true }).locator(`[data-booking="${made.booking.id}"]`);
  await expect(moved).toContainText('Diego · Not confirmed yet');
  await expect(moved.locator('.time')).toHaveText(new RegExp(`^${nyTime(free.start)}`));
});

test('click an empty hour to book a phone client there; the week shows one barber', async ({ page, request, desk, check }) => {
  const { day, slots } = await dayWithSlots(request, 'barber-diego', inDays(4), 8);
  const onTheHour = slots.find((s) => nyMinute(s.start) % 60 === 0)!;
  const client = `Grid Phone ${Date.now() % 100000}`;

  await desk.open(`/calendar?date=${day}&view=day`);
  await desk.signIn(OWNER(SITE));
  await expect(desk.heading).toHaveText('Calendar');
  const cell = page.getByRole('button', { name: `New booking at ${nyTime(onTheHour.start)}, Diego`, exact: true });
  await cell.click({ position: { x: 10, y: 3 } });
  const form = page.getByRole('region', { name: 'New phone booking' });
  await expect(form.getByLabel('Specialist')).toHaveValue('barber-diego');
  await expect(form.getByLabel('Date')).toHaveValue(day);
  await expect(form.getByRole('radio', { checked: true })).toHaveAccessibleName(new RegExp(nyTime(onTheHour.start)));
  await form.getByLabel('Client name').fill(client);
  await form.getByLabel('Phone').fill('+1 347 555 0177');
  await check('calendar-grid-click-to-book');
  await form.getByRole('button', { name: 'Book' }).click();
  await expect(form).toBeHidden();
  const booked = page.getByRole('group', { name: 'Diego', exact: true }).getByRole('button', { name: new RegExp(client) });
  await expect(booked.locator('.time')).toHaveText(new RegExp(`^${nyTime(onTheHour.start)}`));

  await desk.button('Week').click();
  await page.getByLabel('Staff').selectOption({ label: 'Diego' });
  await expect(page.getByText(/^Diego, week of/)).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(client) })).toBeVisible();
  await check('calendar-grid-week');
});

test('opens on today with the current time marked, or on the next working day after hours', async ({ page, desk, check }) => {
  // Wednesday 2026-12-09, 14:30 in New York: the shop is open, the day shows a "now" line.
  await page.clock.setFixedTime(new Date('2026-12-09T19:30:00Z'));
  await desk.signedIn(OWNER(SITE));
  await expect(page.getByText(/^Wednesday, December 9/)).toBeVisible();
  await expect(page.locator('.tg-now').first()).toBeVisible();
  await check('calendar-grid-now');

  // Friday 21:00 in New York, after closing (20:00): the calendar opens on Saturday.
  await page.clock.setFixedTime(new Date('2026-12-12T02:00:00Z'));
  await page.reload();
  await expect(page.getByText(/^Saturday, December 12/)).toBeVisible();
  await expect(page.locator('.tg-now')).toHaveCount(0);
});
