import { expect, test } from '../support/fixtures';

test('a visitor books a haircut through the intent menu, with the confirmation card and its links', async ({ page, widget, state }) => {
  const { t, w } = widget;
  await page.goto('/barber-nyc/');
  await expect(widget.launcher).toBeVisible();
  await state('launcher');

  await widget.open();
  await expect(widget.lastBot).toContainText('Hey!');
  await state('greeting');

  await widget.choose(w['intent.book']);
  await expect(widget.lastBot).toHaveText(w.askService);
  await state('services');

  await widget.chooseService('Haircut');
  await expect(widget.lastBot).toHaveText(w.askStaff);
  await state('specialists');

  await widget.choose(w.anyone);
  await expect(widget.slots).toHaveCount(3);
  // Business time, labelled, with the visitor's own (the browser runs in Berlin).
  await expect(widget.host.getByText('Eastern Time', { exact: true })).toBeVisible();
  await expect(widget.slots.first()).toContainText('your time');
  await state('nearest-slots');

  await widget.choose(t.more);
  await expect(widget.slots).toHaveCount(6);
  const chosen = (await widget.slots.nth(4).innerText()).split('\n')[0]!;
  await widget.slots.nth(4).click();
  await expect(widget.lastBot).toContainText('is held for you for 10 minutes');
  await expect(widget.host.getByLabel(t.name, { exact: true })).toHaveAttribute('autocomplete', 'name');
  await expect(widget.host.getByLabel(t.contact, { exact: true })).toHaveAttribute('autocomplete', 'email');
  await state('contact-form');

  // Nothing filled: each problem is named next to its field, and focus goes to the first.
  await widget.choose(w.confirmBooking);
  await expect(widget.host.getByLabel(t.name, { exact: true })).toBeFocused();
  await expect(widget.host.getByText(w['err.name'])).toBeVisible();
  await expect(widget.host.getByText(w['err.contact'])).toBeVisible();
  await expect(widget.host.getByText(w['err.consent'])).toBeVisible();
  await state('contact-errors');

  await widget.fillContact({ name: 'Ann Lee', phone: '+1 212 555 0100' });
  await widget.consent();
  await widget.choose(w.confirmBooking);
  await expect(widget.log).toContainText(w.booked);
  const card = widget.log.locator('.card');
  await expect(card).toContainText(chosen);
  await expect(card).toContainText('214 Bedford Ave');
  await expect(card).toContainText('Walk-ins welcome');
  await expect(card).toContainText('You can reschedule or cancel online until');
  await state('confirmation');

  const ics = card.getByRole('link', { name: t.ics });
  const href = (await ics.getAttribute('href'))!;
  const calendar = await page.request.get(href);
  expect(calendar.headers()['content-type']).toContain('text/calendar');
  expect(await calendar.text()).toContain('BEGIN:VEVENT');
  const manage = await card.getByRole('link', { name: t.link }).getAttribute('href');
  expect((await page.request.get(manage!)).status()).toBe(200);
});
