import { expect, test } from '../support/fixtures';

test('survives SPA route changes (pushState, even a replaced <body>) without re-mounting', async ({ page, widget, state }) => {
  const { t, w } = widget;
  await page.goto('/fixtures/spa.html');
  await widget.open();
  await widget.choose(t.intents.book);
  await expect(widget.lastBot).toHaveText(w.askService);
  await widget.host.evaluate((e) => ((e as HTMLElement & { marker?: number }).marker = 42));
  const transcript = await widget.log.locator('.msg').allTextContents();

  await page.getByRole('link', { name: 'About' }).click();
  await expect(page).toHaveURL(/\/fixtures\/spa\/about$/);
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  await expect(widget.panel).toBeVisible();
  await expect(widget.log.locator('.msg')).toHaveText(transcript);

  // A router that replaces the whole body: the same element comes back, state and all.
  await page.getByRole('link', { name: 'Wipe' }).click();
  await expect(page.getByRole('heading', { name: 'Wiped' })).toBeVisible();
  await expect(widget.panel).toBeVisible();
  expect(await widget.host.evaluate((e) => (e as HTMLElement & { marker?: number }).marker)).toBe(42);
  await expect(widget.log.locator('.msg')).toHaveText(transcript);
  await widget.chooseService('Haircut');
  await expect(widget.lastBot).toHaveText(w.askStaff);
  await state('spa-after-wipe');

  await page.goBack();
  await expect(widget.log).toContainText(w.askStaff);
});
