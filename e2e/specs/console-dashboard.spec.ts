import { bookAs, nearestSlots } from '../support/api';
import { expect, OWNER, test } from '../support/console';

const SITE = 'demo-clinic-yerevan';

test('the dashboard counts a new booking, compares with the previous period and reads out its charts', async ({ page, request, desk, check }) => {
  await desk.signedIn(OWNER(SITE));
  await desk.go('Dashboard');
  // The 30-day numbers stay on screen (aria-busy) until the 7-day ones arrive.
  await Promise.all([page.waitForResponse((r) => r.url().includes('dashboard.kpis')), page.getByLabel('Period', { exact: true }).selectOption({ label: 'Last 7 days' })]);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const bookings = page.locator('[data-kpi="bookings"]');
  await expect(bookings).toContainText('Bookings');
  const before = Number(await bookings.locator('.kpi-value').innerText());

  // One booking through the public API, as the widget makes it (a check-up, seeded).
  const [slot] = await nearestSlots(request, SITE, 'clinic-checkup', new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Yerevan' }).format(new Date()));
  await bookAs(request, SITE, 'clinic-checkup', slot!, 'Dashboard Count');

  await page.reload();
  await expect(desk.heading).toHaveText('Dashboard');
  await Promise.all([page.waitForResponse((r) => r.url().includes('dashboard.kpis')), page.getByLabel('Period', { exact: true }).selectOption({ label: 'Last 7 days' })]);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(bookings.locator('.kpi-value')).toHaveText(String(before + 1));
  // Compared with the 7 days before: an arrow and a percentage, or "no previous data".
  await expect(bookings.locator('.kpi-change')).toHaveText(/vs previous period: [▲▼=] \d+%|no previous data/);

  // Every chart has its numbers as a table for screen readers.
  const perWeek = page.getByRole('figure', { name: 'Bookings per week' });
  await expect(perWeek.locator('svg')).toHaveAttribute('aria-hidden', 'true');
  const weekly = perWeek.getByRole('table', { name: 'Bookings per week' });
  const counts = await weekly.locator('tbody td').allInnerTexts();
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(before + 1);
  await expect(page.getByRole('table', { name: 'Bookings by channel' })).toContainText('Widget');
  await check('dashboard');

  await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Custom' });
  await expect(page.getByLabel('From')).toBeVisible();
  await check('dashboard-custom');
});
