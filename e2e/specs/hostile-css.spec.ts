import { expect, test } from '../support/fixtures';

test('a hostile global CSS reset can neither break the widget nor be broken by it', async ({ page, widget, state }) => {
  const { t, w } = widget;
  await page.goto('/fixtures/hostile.html');
  await expect(widget.launcher).toBeVisible();
  const viewport = page.viewportSize()!;
  const launcher = (await widget.launcher.boundingBox())!;
  expect(launcher.width).toBe(60);
  expect(launcher.height).toBe(60);
  expect(Math.round(viewport.width - (launcher.x + launcher.width))).toBe(16);
  expect(Math.round(viewport.height - (launcher.y + launcher.height))).toBe(16);
  await state('hostile-launcher');

  await widget.open();
  const look = await widget.lastBot.evaluate((e) => {
    const s = getComputedStyle(e);
    return { color: s.color, font: s.fontFamily, transform: getComputedStyle(e.getRootNode() instanceof ShadowRoot ? (e.getRootNode() as ShadowRoot).host : e).transform };
  });
  expect(look.color).toBe('rgb(28, 28, 31)');
  expect(look.font).not.toContain('Comic');
  expect(look.transform).toBe('none');
  await widget.choose(t.intents.book);
  await widget.chooseService('Haircut');
  await widget.choose(w.anyone);
  await expect(widget.slots).toHaveCount(3);
  await state('hostile-slots');

  // Nothing leaks out: the page's own ".msg" and buttons keep the page's styles.
  const page_ = await page.locator('#page-msg').evaluate((e) => getComputedStyle(e).color);
  expect(page_).toBe('rgb(255, 0, 255)');
  expect(await page.locator('#page-button').evaluate((e) => getComputedStyle(e).display)).toBe('none');
});
