import { expect, test } from '../support/fixtures';
import { bookAs, nearestSlots } from '../support/api';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());

test('a slot taken by someone else shows the alternatives, never a dead end', async ({ page, request, widget, state }) => {
  const { t, w } = widget;
  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(t.intents.book);
  await widget.chooseService('Beard trim');
  await widget.choose(w.anyone);
  await expect(widget.slots).toHaveCount(3);

  // Others book the first time with every barber while our visitor is still looking at it
  // ("anyone" would otherwise get it with another barber).
  const [first] = await nearestSlots(request, 'demo-barber-nyc', 'barber-beard', today());
  const shown = await widget.slots.first().innerText();
  for (const barber of ['barber-marcus', 'barber-diego', 'barber-sam']) {
    const same = (await nearestSlots(request, 'demo-barber-nyc', 'barber-beard', today(), barber)).find((s) => s.start === first!.start);
    if (same) await bookAs(request, 'demo-barber-nyc', 'barber-beard', same);
  }

  await widget.slots.first().click();
  await expect(widget.lastBot).toHaveText(w.taken);
  await expect(widget.slots.first()).toBeVisible();
  await expect(widget.slots.first()).not.toHaveText(shown);
  await state('alternatives-after-hold-conflict');

  await widget.slots.first().click();
  await expect(widget.host.getByLabel(t.name, { exact: true })).toBeVisible();
  await widget.fillContact({ name: 'Ann Lee', email: 'ann@example.com' });
  await widget.consent();
  await widget.choose(w.confirmBooking);
  await expect(widget.log).toContainText(w.booked);
});

// A hold that runs out during contact entry (the service's CONFLICT on confirm) is the engine's
// to handle; booking-service/src/domain/conversation/engine.test.ts plays it without a browser.
