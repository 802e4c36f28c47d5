import { expect, test } from '../support/fixtures';
import { bookAs, call, nearestSlots } from '../support/api';

test('the manage link opens "My booking": reschedule, then cancel', async ({ page, request, widget, state }) => {
  const { t, w } = widget;
  // A booking three days out, so the 2-hour cancellation window is open.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(Date.now() + 3 * 86_400_000));
  const [slot] = await nearestSlots(request, 'demo-barber-nyc', 'barber-haircut', day);
  const { manageToken } = await bookAs(request, 'demo-barber-nyc', 'barber-haircut', slot!, 'Ann Lee');

  await page.goto(`/barber-nyc/#fd-manage=${encodeURIComponent(manageToken)}`);
  await expect(widget.panel).toBeVisible();
  await expect(widget.log).toContainText(w.yourBooking);
  // The booking as it is now: the newest card in the chat.
  const card = widget.log.locator('.card').last();
  await expect(card).toContainText('Haircut');
  // The token does not stay in the address bar.
  expect(page.url()).not.toContain('fd-manage');
  await state('my-booking');

  await widget.choose(w.reschedule);
  await expect(widget.slots.first()).toBeVisible();
  await state('reschedule-slots');
  const target = (await widget.slots.nth(2).innerText()).split('\n')[0]!;
  await widget.slots.nth(2).click();
  await widget.choose(w.yesMove);
  await expect(widget.log).toContainText(target);
  await expect(card).toContainText(target);
  await state('rescheduled');

  // Cancelling asks first, in the chat.
  await widget.choose(w.cancel);
  await expect(widget.host.getByRole('list', { name: w.cancelQuestion })).toBeVisible();
  await state('cancel-question');
  await widget.choose(w.yesCancel);
  await expect(widget.lastBot).toHaveText(w.cancelled);
  await expect(card).toContainText(t.isCancelled);
  await expect(widget.button(w.rebook)).toBeVisible();
  await state('cancelled');

  const after = await call<{ booking: { status: string } }>(request, 'booking.get', { manageToken }, false);
  expect(after.booking.status).toBe('cancelled');
});
