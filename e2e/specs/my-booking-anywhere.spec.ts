import { expect, test } from '../support/fixtures';
import { call, nearestSlots } from '../support/api';
import { codeMailedTo } from '../support/mailbox';


test('"My booking" in a fresh browser finds a booking by e-mail and a one-time code, shown as it is now', async ({ page, request, widget, state }) => {
  const { t, w } = widget;
  const email = `anywhere-${Date.now()}@example.com`;
  // Booked elsewhere (another device): nothing of it is in this browser.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(Date.now() + 2 * 86_400_000));
  const [slot] = await nearestSlots(request, 'demo-barber-nyc', 'barber-beard', day);
  const hold = await call<{ holdToken: string }>(request, 'booking.hold', { siteKey: 'demo-barber-nyc', serviceId: 'barber-beard', staffId: slot!.staffId, start: slot!.start });
  const { manageToken } = await call<{ manageToken: string }>(request, 'booking.confirm', {
    holdToken: hold.holdToken, customer: { name: 'Nora Far', email }, consent: true, lang: 'en', idempotencyKey: `e2e-anywhere-${Date.now()}`,
  });

  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(t.intents.my_booking);
  await expect(widget.lastBot).toHaveText(w.lookupAsk);
  await widget.fillContact({ email });
  await widget.submit.click();
  await expect(widget.lastBot).toContainText(/a code is on its way/);
  await expect(widget.log).not.toContainText('Beard trim');
  await state('my-booking-code');

  const code = await codeMailedTo(request, email);
  await widget.host.getByLabel(t.code).fill(code === '000000' ? '111111' : '000000');
  await widget.submit.click();
  await expect(widget.host.locator('#fd-code-e')).toHaveText(w.codeMismatch);
  await expect(widget.log.locator('.card')).toHaveCount(0);
  await state('my-booking-wrong-code');

  await widget.host.getByLabel(t.code).fill(code);
  await widget.submit.click();
  const card = widget.log.locator('.card').last();
  await expect(card).toContainText('Beard trim');
  await state('my-booking-found');

  // Cancelled elsewhere (the manage link) while the chat shows it: moving it is refused as it is now.
  await call(request, 'booking.cancel', { manageToken });
  await widget.choose(w.reschedule);
  await widget.slots.first().click();
  await widget.choose(w.yesMove);
  await expect(widget.log).toContainText(/is already cancelled/);
  await state('my-booking-changed-elsewhere');
});
