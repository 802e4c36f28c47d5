import AxeBuilder from '@axe-core/playwright';
import { signStaffToken } from '../../booking-service/src/services/calendar-sync/oauth-state';
import { expect, test, WCAG } from '../support/fixtures';
import { BOOKING_URL } from '../support/urls';

/**
 * Issue 5 in a real browser: a staff member connects "Google Calendar" through the demo
 * calendar's consent page (the service runs the emulator in demo mode, playwright.config.ts),
 * then a visitor books in the widget and the booking appears as an event in that calendar.
 */
const EMULATOR = `http://127.0.0.1:${process.env.E2E_GOOGLE_DEMO_PORT}`;
const STAFF = 'barber-marcus';

interface DemoEvent {
  summary?: string;
  start: { dateTime?: string };
  extendedProperties?: { private?: Record<string, string> };
}

const bookingEvents = async (request: import('@playwright/test').APIRequestContext) => {
  const res = await request.get(`${EMULATOR}/demo/events.json?calendarId=primary`);
  const body = (await res.json()) as { items: DemoEvent[] };
  return body.items.filter((e) => e.extendedProperties?.private?.frontdeskBookingId);
};

test("a staff member connects the demo Google calendar, and a widget booking appears in it", async ({ page, widget, state }, info) => {
  const axe = async (name: string) => {
    await page.screenshot({ path: info.outputPath(`${name}.png`) });
    const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help}`), `axe on ${name}`).toEqual([]);
  };

  // The owner's signed connect link, as sent to Marcus.
  const link = signStaffToken(process.env.E2E_APP_SECRET!, STAFF, 'gcal_connect', new Date(Date.now() + 3_600_000));
  await page.goto(`${BOOKING_URL}/google/connect?link=${encodeURIComponent(link)}`);
  await expect(page).toHaveURL(new RegExp(`^${EMULATOR}/o/oauth2/v2/auth\\?`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo calendar — not Google');
  await expect(page.getByText('Demo — this is not Google')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'See and change events in your calendars' })).toBeVisible();
  await axe('consent');

  await page.getByRole('link', { name: 'Allow' }).click();
  await expect(page).toHaveURL(new RegExp(`^${BOOKING_URL}/google/oauth/callback\\?`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connected');
  await expect(page.getByText('This was the demo calendar, not Google.')).toBeVisible();
  await axe('connected');
  expect(await bookingEvents(page.request)).toEqual([]);

  // A visitor books Marcus's hot towel shave (only he offers it) in the widget.
  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.bookFirstSlot('Hot towel shave', { name: 'Gus Calendar', phone: '+1 212 555 0199' });
  await state('booked');

  // The job worker writes the event within seconds.
  await expect.poll(async () => (await bookingEvents(page.request)).map((e) => e.summary), { timeout: 20_000 }).toEqual(['Hot towel shave — Gus Calendar']);

  // The demo calendar's own page shows it too, marked as a Frontdesk booking.
  await page.goto(`${EMULATOR}/`);
  await expect(page.getByRole('listitem').filter({ hasText: 'Hot towel shave — Gus Calendar' })).toContainText('(Frontdesk booking)');
  await axe('demo-calendar');
});
