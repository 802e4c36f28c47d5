import { expect, test } from '../support/fixtures';
import { bookAs, nearestSlots } from '../support/api';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());

test('a slot taken by someone else shows the alternatives, never a dead end', async ({ page, request, widget, state }) => {
  const { t } = widget;
  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(t.intents.book);
  await widget.chooseService('Beard trim');
  await widget.choose(t.anyone);
  await expect(widget.slots).toHaveCount(3);

  // Someone else books the first slot while our visitor is still looking at it.
  const [first] = await nearestSlots(request, 'demo-barber-nyc', 'barber-beard', today());
  const shown = await widget.slots.first().innerText();
  await bookAs(request, 'demo-barber-nyc', 'barber-beard', first!);

  await widget.slots.first().click();
  await expect(widget.lastBot).toHaveText(t.taken);
  await expect(widget.slots.first()).toBeVisible();
  await expect(widget.slots.first()).not.toHaveText(shown);
  await state('alternatives-after-hold-conflict');

  await widget.slots.first().click();
  await expect(widget.host.getByLabel(t.name, { exact: true })).toBeVisible();
  await widget.fillContact({ name: 'Ann Lee', email: 'ann@example.com' });
  await widget.consent();
  await widget.choose(t.confirm);
  await expect(widget.log).toContainText(t.booked);
});

test('a slot lost during contact entry offers the alternatives and keeps what was typed', async ({ page, request, widget, state }) => {
  const { t } = widget;
  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(t.intents.book);
  await widget.chooseService('Hot towel shave');
  await widget.slots.first().click();
  await widget.fillContact({ name: 'Ann Lee', phone: '+1 212 555 0100' });
  await widget.consent();

  // The hold ran out and another visitor took the time: the service answers CONFLICT with
  // alternatives (a hold cannot lapse inside a test, so this one answer is the service's
  // error body, with real alternatives from slots.find).
  const alternatives = (await nearestSlots(request, 'demo-barber-nyc', 'barber-shave', today(), 'barber-marcus')).slice(3, 6);
  await page.route('**/trpc/booking.confirm', (route) =>
    route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          message: 'This time is no longer available',
          code: -32009,
          data: { code: 'CONFLICT', httpStatus: 409, path: 'booking.confirm', reason: 'SLOT_TAKEN', alternatives },
        },
      }),
    }),
    { times: 1 },
  );
  await widget.choose(t.confirm);
  await expect(widget.lastBot).toHaveText(t.taken);
  await expect(widget.slots).toHaveCount(3);
  await state('alternatives-after-confirm-conflict');

  await widget.slots.nth(1).click();
  await expect(widget.host.getByLabel(t.name, { exact: true })).toHaveValue('Ann Lee');
  await expect(widget.host.getByLabel(t.phone, { exact: true })).toHaveValue('+1 212 555 0100');
  await expect(widget.host.getByRole('checkbox', { name: t.consent })).toBeChecked();
  await widget.choose(t.confirm);
  await expect(widget.log).toContainText(t.booked);
});
