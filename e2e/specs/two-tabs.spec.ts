import { expect, test } from '../support/fixtures';
import { Widget } from '../support/widget';

test('two tabs of one visitor show one conversation, each seeing the other’s turns', async ({ page, context, widget, state }) => {
  const { t, w } = widget;
  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(t.intents.book);
  await expect(widget.lastBot).toHaveText(w.askService);

  const other = await context.newPage();
  const second = new Widget(other);
  await other.goto('/barber-nyc/?utm_source=second-tab');
  await second.open();
  await expect(second.lastBot).toHaveText(w.askService);
  await expect(second.log.locator('.msg')).toHaveText(await widget.log.locator('.msg').allTextContents());

  // A turn in the second tab appears in the first without a reload.
  await second.chooseService('Beard trim');
  await expect(second.lastBot).toHaveText(w.askStaff);
  await expect(widget.lastBot).toHaveText(w.askStaff);
  await expect(widget.button(w.anyone)).toBeVisible();
  await state('first-tab-follows');

  // And back: the first tab answers, the second follows.
  await widget.choose(w.anyone);
  await expect(second.slots.first()).toBeVisible();
  await expect(second.log.locator('.msg')).toHaveText(await widget.log.locator('.msg').allTextContents());
});
