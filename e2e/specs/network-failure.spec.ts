import { expect, test } from '../support/fixtures';

test('when the service cannot be reached: a clear message, a retry, and nothing typed is lost', async ({ page, widget, state }) => {
  const { t, w } = widget;
  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(t.intents.book);
  await widget.chooseService('Haircut');

  await page.route('**/trpc/**', (route) => route.abort('internetdisconnected'));
  await widget.choose(w.anyone);
  await expect(widget.problem).toHaveText(new RegExp(t.problem.NETWORK));
  await state('network-down');
  await page.unroute('**/trpc/**');
  await widget.choose(t.retry);
  await expect(widget.problem).toBeHidden();
  await expect(widget.slots).toHaveCount(3);

  await widget.slots.first().click();
  await widget.fillContact({ name: 'Ann Lee', email: 'ann@example.com' });
  await widget.consent();
  await page.route('**/trpc/conversation.send', (route) => route.abort('connectionrefused'));
  await widget.choose(w.confirmBooking);
  await expect(widget.problem).toHaveText(new RegExp(t.problem.NETWORK));
  await expect(widget.host.getByLabel(t.name, { exact: true })).toHaveValue('Ann Lee');
  await expect(widget.host.getByLabel(t.contact, { exact: true })).toHaveValue('ann@example.com');
  await expect(widget.host.locator('.step').getByRole('checkbox')).toBeChecked();
  await state('confirm-failed-input-kept');
  await page.unroute('**/trpc/conversation.send');
  await widget.choose(t.retry);
  await expect(widget.log).toContainText(w.booked);
});
