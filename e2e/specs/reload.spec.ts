import { expect, test } from '../support/fixtures';
import { Widget } from '../support/widget';

test('the conversation survives a reload and moving to another page of the site', async ({ page, state }) => {
  const widget = new Widget(page, 'ru');
  const { t, w } = widget;
  await page.goto('/salon-spb/');
  // Nothing is stored before the visitor opens the chat.
  await expect(widget.launcher).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('frontdesk:')))).toEqual([]);

  await widget.open();
  await widget.choose(t.intents.book);
  await widget.chooseService('Мужская стрижка');
  await widget.anyoneIfAsked();
  await expect(widget.slots).toHaveCount(3);
  const transcript = await widget.log.locator('.msg').allTextContents();

  await page.reload();
  await widget.open();
  await expect(widget.log.locator('.msg')).toHaveText(transcript);
  await expect(widget.slots).toHaveCount(3);
  await state('restored-after-reload');

  await page.goto('/salon-spb/prices.html');
  await widget.open();
  await expect(widget.log.locator('.msg')).toHaveText(transcript);
  await widget.slots.first().click();
  await widget.fillContact({ name: 'Ирина', phone: '+7 921 555-01-02' });
  await widget.consent();
  await widget.choose(w.confirmBooking);
  await expect(widget.log).toContainText(w.booked);
  await state('booked-on-another-page');
});
