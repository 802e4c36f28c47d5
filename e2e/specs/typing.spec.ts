import { expect, test } from '../support/fixtures';
import { Widget } from '../support/widget';

const SEND = (url: URL) => url.pathname.endsWith('/trpc/conversation.send');

/** Holds every `conversation.send` until the test lets it go, so the state between echo and answer can be seen. */
async function holdSends(page: import('@playwright/test').Page) {
  const held: (() => void)[] = [];
  await page.route(SEND, (route) => {
    held.push(() => void route.continue());
  });
  return {
    async release() {
      await expect.poll(() => held.length).toBeGreaterThan(0);
      while (held.length) held.shift()!();
    },
  };
}

test('while the answer is on its way the chat shows typing dots (in the visitor’s language); the greeting never waits', async ({ page, state }) => {
  const widget = new Widget(page, 'ru');
  const { t } = widget;
  const typing = widget.host.getByRole('status', { name: t.typing });
  const sends = await holdSends(page);
  await page.goto('/salon-spb/');
  await widget.open();
  // The greeting and menu are the widget's own: on screen at once, no dots.
  await expect(widget.button(t.intents.book)).toBeVisible();
  await expect(typing).toBeHidden();

  await widget.choose(t.intents.book);
  await expect(widget.log.locator('.msg.me')).toHaveText(t.intents.book);
  await expect(typing).toBeVisible();
  await expect(typing.locator('i')).toHaveCount(3);
  await state('ru-typing');
  await sends.release();
  await expect(widget.lastBot).toHaveText(widget.w.askService);
  await expect(typing).toBeHidden();

  // An error replaces the dots too.
  await page.unroute(SEND);
  await page.route(SEND, (route) => route.abort('connectionrefused'));
  await widget.say('сколько стоит стрижка');
  await expect(widget.problem).toBeVisible();
  await expect(typing).toBeHidden();
});

test('typing dots hold still when the visitor asks for reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const widget = new Widget(page, 'en');
  const sends = await holdSends(page);
  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(widget.t.intents.prices);
  const dot = widget.host.getByRole('status', { name: widget.t.typing }).locator('i').first();
  await expect(dot).toBeVisible();
  expect(await dot.evaluate((e) => getComputedStyle(e).animationName)).toBe('none');
  await sends.release();
  await expect(dot).toBeHidden();
});
