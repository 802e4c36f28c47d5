import { expect, test } from '../support/fixtures';
import { Widget } from '../support/widget';

test('two widgets for two sites on one page do not interfere', async ({ page, state }) => {
  const barber = new Widget(page, 'en', true);
  const salon = new Widget(page, 'ru', true);
  await page.goto('/fixtures/two.html');
  await expect(barber.launcher).toBeVisible();
  await expect(salon.launcher).toBeVisible();
  const right = (await barber.launcher.boundingBox())!;
  const left = (await salon.launcher.boundingBox())!;
  expect(left.x).toBeLessThan(right.x);

  await barber.open();
  await expect(barber.panel).toHaveAccessibleName('Bedford Blade Barbershop');
  await barber.choose(barber.t.intents.book);
  await salon.open();
  await expect(salon.panel).toHaveAccessibleName('Салон красоты «Лаванда»');
  await expect(salon.panel).toHaveAttribute('lang', 'ru');
  await expect(salon.log.locator('.msg')).toHaveCount(1);
  await salon.choose(salon.t.intents.human);
  await expect(barber.lastBot).toHaveText(barber.w.askService);
  await expect(salon.lastBot).toHaveText(salon.w.handoffAsk);
  await state('two-widgets');

  // The JS API reaches each by its site key.
  await page.evaluate(() => (window as unknown as { Frontdesk: { close(o: object): void } }).Frontdesk.close({ site: 'demo-salon-spb' }));
  await expect(salon.panel).toBeHidden();
  await expect(barber.panel).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  // Each widget keeps only its own conversation's id and token, under its own site key.
  expect(keys).toEqual(['frontdesk:demo-barber-nyc:conversation', 'frontdesk:demo-salon-spb:conversation']);
});
