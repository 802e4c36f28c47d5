import { BOOKING_URL } from '../support/urls';
import { expect, STAFF, test } from '../support/console';

/**
 * A staff member connects Google Calendar from the console in a real browser: Connect → the
 * demo calendar's consent page (the emulator the service runs with GOOGLE_DEMO, playwright.config.ts)
 * → Allow → back on the console's calendar settings, connected and labelled as the demo; then
 * chooses the calendars and disconnects again. Sam, whom no other journey connects, so the
 * demo calendar's busy times never reach the slots other journeys book.
 */
const EMULATOR = `http://127.0.0.1:${process.env.E2E_GOOGLE_DEMO_PORT}`;
const SITE = 'demo-barber-nyc';

test('a staff member connects the demo Google calendar from the console and chooses calendars', async ({ page, desk, check }) => {
  await desk.signedIn(STAFF('barber-sam', SITE));
  await desk.go('Google Calendar');
  await expect(page.getByText('Demo calendar (emulator)')).toBeVisible();
  await expect(page.getByText('Not connected.')).toBeVisible();
  await check('google-not-connected');

  await desk.button('Connect Google Calendar').click();
  await expect(page).toHaveURL(new RegExp(`^${EMULATOR}/o/oauth2/v2/auth\\?`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo calendar — not Google');
  await page.getByRole('link', { name: 'Allow' }).click();

  // The callback sends the browser back to the console page it came from, still signed in.
  await expect(page).toHaveURL(`${BOOKING_URL}/console/#/calendar-settings`);
  await expect(desk.heading).toHaveText('Google Calendar');
  await expect(page.getByText('Connected', { exact: true })).toBeVisible();
  await expect(page.getByText('Demo calendar (emulator)')).toBeVisible();
  const busy = page.getByRole('group', { name: 'Calendars that block booking times' });
  const calendars = busy.getByRole('checkbox');
  await expect(calendars.first()).toBeVisible();
  const names = await busy.locator('label').allTextContents();
  expect(names.some((n) => n.endsWith('(primary)'))).toBe(true);
  const bookingTo = page.getByLabel('Calendar to write bookings to');
  await expect(bookingTo.locator('option:checked')).toHaveText(/\(primary\)$/);
  await check('google-connected');

  // Choose: every listed calendar blocks booking times; bookings go to the primary one.
  for (const name of names) await busy.getByLabel(name, { exact: true }).check();
  await desk.button('Save').click();
  await expect(desk.status.filter({ hasText: 'Saved.' })).toBeVisible();
  await check('google-calendars-saved');
  await page.reload();
  await expect(page.getByText('Connected', { exact: true })).toBeVisible();
  for (const name of names) await expect(busy.getByLabel(name, { exact: true })).toBeChecked();

  await desk.button('Disconnect').click();
  await expect(page.getByText('Not connected.')).toBeVisible();
  await expect(desk.button('Connect Google Calendar')).toBeVisible();
});
