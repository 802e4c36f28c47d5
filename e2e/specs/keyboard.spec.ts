import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

/** Presses Tab until `target` has focus: what a keyboard user does, with a bound. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((e) => e === (e.getRootNode() as ShadowRoot | Document).activeElement && (e.getRootNode() === document || (e.getRootNode() as ShadowRoot).host === document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('a keyboard-only visitor books, and Esc closes with focus back on the launcher', async ({ page, widget, state }) => {
  const { t, w } = widget;
  await page.goto('/barber-nyc/');
  await tabTo(page, widget.launcher);
  await page.keyboard.press('Enter');
  await expect(widget.panel).toBeFocused();

  await tabTo(page, widget.button(t.intents.book));
  await page.keyboard.press('Enter');
  // The chosen control is gone; focus moves on to the next step, never back to the page.
  await expect(widget.host.getByRole('button', { name: /^Haircut \$/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.button(w.anyone)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.slots).toHaveCount(3);
  await tabTo(page, widget.slots.first());
  await state('keyboard-slot-focus');
  await page.keyboard.press('Enter');

  await expect(widget.host.getByLabel(t.name, { exact: true })).toBeFocused();
  await page.keyboard.type('Ann Lee');
  await page.keyboard.press('Tab');
  await page.keyboard.type('+1 212 555 0100');
  await tabTo(page, widget.host.getByRole('checkbox', { name: w.consentBook }));
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(widget.button(w.confirmBooking)).toBeFocused();
  await state('keyboard-contact');
  await page.keyboard.press('Enter');
  await expect(widget.log).toContainText(w.booked);

  await page.keyboard.press('Escape');
  await expect(widget.panel).toBeHidden();
  await expect(widget.launcher).toBeFocused();
  // No trap: Tab leaves the widget for the page.
  await page.keyboard.press('Shift+Tab');
  await expect(widget.launcher).not.toBeFocused();
});
