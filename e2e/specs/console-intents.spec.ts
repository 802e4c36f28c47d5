import { randomBytes } from 'node:crypto';
import { Console, expect, OWNER, test } from '../support/console';

const SITE = 'demo-barber-nyc';

/**
 * The owner edits a site's intent menu in the form (show/hide, reorder by keyboard, relabel),
 * and the live preview shows the saved menu. A new site of its own, so the demo site every
 * other journey books through keeps its menu.
 */
test('the owner reorders, hides and relabels the widget menu, and the preview shows it', async ({ page, desk, check }) => {
  await desk.signedIn(OWNER(SITE));
  await desk.go('Sites');
  const key = `menu-${randomBytes(3).toString('hex')}`;
  const add = page.getByRole('region', { name: 'Add a site' });
  await add.getByLabel('Site key (optional)').fill(key);
  await add.getByRole('button', { name: 'Add a site' }).click();
  const site = page.getByRole('region', { name: key });
  await expect(site).toBeVisible();
  const menu = site.getByRole('group', { name: 'Menu in the widget' });
  const rows = menu.locator('li > fieldset > legend');
  await expect(rows).toHaveText(['Prices', 'Booking', 'Talk to a person', 'My booking', 'Other']);

  // Nothing shown: refused before anything is sent.
  for (const name of ['Prices', 'Booking', 'Talk to a person', 'My booking', 'Other']) await menu.getByLabel(`Show “${name}”`).uncheck();
  await site.getByRole('button', { name: 'Save' }).click();
  await expect(menu.getByText('Show at least one button in the menu.')).toBeVisible();
  for (const name of ['Prices', 'Booking', 'Talk to a person']) await menu.getByLabel(`Show “${name}”`).check();

  // Reordered with the keyboard: focus stays on the moved entry's button, then its twin at the top.
  const up = menu.getByRole('button', { name: 'Move “Talk to a person” up' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveText(['Prices', 'Talk to a person', 'Booking', 'My booking', 'Other']);
  await expect(up).toBeFocused();
  await page.keyboard.press('Space');
  await expect(rows).toHaveText(['Talk to a person', 'Prices', 'Booking', 'My booking', 'Other']);
  await expect(up).toBeDisabled();
  await expect(menu.getByRole('button', { name: 'Move “Talk to a person” down' })).toBeFocused();

  // A label over 60 characters is named beside its field; a fitting one is kept.
  // The texts are folded away until asked for (most owners keep the standard wording).
  const label = menu.getByLabel('Button text for “Booking” (English)');
  await expect(label).toBeHidden();
  await menu.locator('summary', { hasText: 'Button text for “Booking”' }).click();
  await label.fill('B'.repeat(61));
  await expect(menu.getByText('At most 60 characters.')).toBeVisible();
  await expect(label).toHaveAttribute('aria-invalid', 'true');
  await check('sites-menu-errors');
  await label.fill('Book a chair');
  await expect(menu.getByText('At most 60 characters.')).toHaveCount(0);
  await site.getByRole('button', { name: 'Save' }).click();
  await expect(site.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // The preview frame reloads and its widget offers the saved menu, in order.
  const iframe = site.locator('iframe.preview');
  await expect(iframe).toHaveAttribute('src', /[?&]v=1/);
  const frame = page.frameLocator(`iframe[title="Preview: ${key}"]`);
  // The launcher is fixed to the frame's bottom corner: bring the whole frame on screen first.
  await iframe.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await frame.getByRole('button', { name: 'Open chat' }).click();
  const chips = frame.locator('frontdesk-widget .step ul').first().getByRole('button');
  await expect(chips).toHaveText(['Talk to a person', 'Prices', 'Book a chair']);
  await check('sites-menu-saved');

  // Stored: a fresh load shows the same form.
  await page.reload();
  await expect(new Console(page).heading).toHaveText('Sites');
  await expect(rows).toHaveText(['Talk to a person', 'Prices', 'Booking', 'My booking', 'Other']);
  await expect(menu.getByLabel('Show “Other”')).not.toBeChecked();
  await expect(menu.getByLabel('Show “Prices”')).toBeChecked();
  // A row with a text shows it unfolded.
  await expect(label).toHaveValue('Book a chair');
  await expect(menu.getByLabel('Button text for “Prices” (English)')).toBeHidden();
});
