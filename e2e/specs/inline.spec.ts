import { expect, test } from '../support/fixtures';

test('inline mode renders in the page where the owner put it, without shifting the layout', async ({ page, widget, state }) => {
  const { t, w } = widget;
  await page.goto('/fixtures/inline.html');
  const after = page.locator('#after');
  const before = (await after.boundingBox())!.y;
  const region = widget.region;
  await expect(region).toBeVisible();
  await expect(region).toHaveAccessibleName('Bedford Blade Barbershop');
  await expect(widget.log.locator('.msg').first()).toBeVisible();
  expect((await after.boundingBox())!.y).toBe(before);
  await expect(widget.host.getByRole('button', { name: /open chat/i })).toHaveCount(0);
  expect(await widget.host.evaluate((e) => e.parentElement?.id)).toBe('booking');
  await state('inline');

  await widget.choose(t.intents.book);
  await widget.chooseService('Haircut');
  await widget.choose(w.anyone);
  await expect(widget.slots).toHaveCount(3);
  expect((await after.boundingBox())!.y).toBe(before);
  await state('inline-slots');
});
