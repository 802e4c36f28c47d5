import { bookAs, call, nearestSlots } from '../support/api';
import { expect, OWNER, test } from '../support/console';

/**
 * Script payloads typed by visitors (a hand-off's name and message, a booking's name and note)
 * are shown by the console as text: literally, with no dialog and no element of theirs in the
 * page. (The API side and the e-mails: booking-service/test/console-xss.test.ts.)
 */
const SITE = 'demo-barber-nyc';

/** 'YYYY-MM-DD' of an instant in New York (the barbershop's zone: the calendar's days). */
const nyDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(iso));

test('visitor-typed script payloads show literally in the inbox and the calendar, and never run', async ({ page, request, desk }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  const tag = Date.now() % 100000;
  // Names stay within the public API's 100 characters; none has a control character (refused).
  const NAME = `<img src=x onerror=alert(${tag})>"><script>alert('n')</script>`;
  const MESSAGE = `Call me <script>alert('m')</script> <a href="javascript:alert(2)">here</a> #${tag}`;
  const SUMMARY = `"><svg onload=alert(3)>`;

  await call(request, 'handoff.request', { siteKey: SITE, message: MESSAGE, contact: { name: NAME, email: 'xss-e2e@example.com' }, lang: 'en', summary: SUMMARY });
  const [slot] = await nearestSlots(request, SITE, 'barber-haircut', nyDate(new Date().toISOString()), 'barber-marcus');
  expect(slot, 'Marcus has a free slot').toBeDefined();
  await bookAs(request, SITE, 'barber-haircut', slot!, NAME);

  await desk.signedIn(OWNER(SITE));

  // Inbox: the request's card is labelled with the name, as text, and shows the message as text.
  await desk.go('Inbox');
  const card = page.getByRole('article', { name: NAME });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card).toContainText(MESSAGE);
  await expect(card).toContainText(NAME);

  // Calendar: the booking on its day, named by the payload as text.
  await desk.open(`/calendar?date=${nyDate(slot!.start)}&view=day`);
  await expect(desk.heading).toHaveText('Calendar');
  const booking = page.getByRole('button', { name: new RegExp(`Haircut · ${NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await expect(booking).toBeVisible();
  await booking.click();
  const panel = page.getByRole('region', { name: `Booking: ${NAME}` });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(NAME);

  // Nothing the payloads carry exists as an element, and nothing ran.
  for (const selector of ['img[src="x"]', '[onerror]', '[onload]', 'svg[onload]', 'a[href^="javascript:"]', 'iframe', 'script:not([src])']) {
    await expect(page.locator(selector), selector).toHaveCount(0);
  }
  expect(dialogs).toEqual([]);
});
