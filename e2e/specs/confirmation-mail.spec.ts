import { expect, test } from '../support/fixtures';
import { BOOKING_URL } from '../support/urls';

/**
 * Notifications end to end: a booking made in the widget produces the confirmation e-mail
 * (the demo's mailbox, as no SMTP server is configured), its "Reschedule or cancel" link
 * moves the booking in a real browser, and the calendar file then carries SEQUENCE:1.
 */
test('book in the widget → confirmation e-mail → its link reschedules → the .ics has SEQUENCE 1', async ({ page, widget }) => {
  const email = `mail-journey-${Date.now()}@example.com`;
  const { t, w } = widget;
  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(t.intents.book);
  await widget.chooseService('Haircut');
  await widget.choose(w.anyone);
  // Three days ahead: well outside the 2-hour window in which online changes close.
  await widget.host.getByRole('group', { name: t.day }).getByRole('button').nth(3).click();
  await expect(widget.host.getByRole('group', { name: t.day }).getByRole('button', { pressed: true })).toBeVisible();
  await widget.slots.first().click();
  await widget.fillContact({ name: 'Mia Chen', email });
  await widget.consent();
  await widget.choose(w.confirmBooking);
  await expect(widget.log).toContainText(w.booked);

  // The confirmation is sent by a durable job a moment after the booking.
  await page.goto(`${BOOKING_URL}/mailbox`);
  const row = page.getByRole('row').filter({ hasText: email }).filter({ hasText: /confirmed/i });
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole('link').click();
  const invite = await page.request.get(await page.getByRole('link', { name: 'invite.ics' }).getAttribute('href').then((h) => new URL(h!, BOOKING_URL).toString()));
  const first = await invite.text();
  expect(first).toContain('METHOD:REQUEST');
  expect(first).toMatch(/SEQUENCE:0/);

  // Follow the message's own manage link, the way the visitor would.
  const message = page.frameLocator('iframe[title="Message"]');
  const manageHref = await message.getByRole('link', { name: 'Reschedule or cancel' }).first().getAttribute('href');
  expect(manageHref).toContain('/manage?');
  await page.goto(manageHref!);
  const before = await page.locator('dd[data-start]').getAttribute('data-start');
  const target = page.locator('#reschedule button[data-start]').nth(3);
  const newStart = await target.getAttribute('data-start');
  expect(newStart).not.toBe(before);
  await target.click();
  // The page asks before it moves anything.
  await page.getByRole('button', { name: 'Yes, move it' }).click();
  await expect(page.locator('dd[data-start]')).toHaveAttribute('data-start', newStart!);

  const token = new URL(manageHref!).searchParams.get('token')!;
  const ics = await (await page.request.get(`${BOOKING_URL}/booking.ics?token=${encodeURIComponent(token)}`)).text();
  expect(ics).toMatch(/SEQUENCE:1/);
  expect(ics).toContain(`DTSTART:${newStart!.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}`);
});
