/**
 * The launcher shows the site's brand colour and side from its first paint: no flash of the
 * default blue. From the snippet's data-color / data-position (the console's snippet carries
 * them) before any request has answered; without them, from the boot request (widget.json),
 * the launcher staying hidden until it answers.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

/** Every colour the launcher had while it was visible, frame by frame, from the page's start. */
async function recordLauncherColours(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = ((window as unknown as { launcherColours: string[] }).launcherColours = [] as string[]);
    const look = () => {
      const l = document.querySelector('frontdesk-widget')?.shadowRoot?.querySelector<HTMLElement>('.launcher');
      if (l?.checkVisibility()) {
        const c = getComputedStyle(l).backgroundColor;
        if (!seen.includes(c)) seen.push(c);
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}
const coloursSeen = (page: Page) => page.evaluate(() => (window as unknown as { launcherColours: string[] }).launcherColours);

/** Holds every answer of the booking service's boot request and API until released. */
async function holdService(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/(widget\.json|trpc\/)/, async (route) => {
    await released;
    await route.continue().catch(() => {});
  });
  return release;
}

test('the snippet\'s colour and side show at first paint, while the service has not answered yet', async ({ page, widget, state }) => {
  await recordLauncherColours(page);
  const release = await holdService(page);
  await page.goto('/fixtures/brand.html');
  await expect(widget.launcher).toBeVisible();
  expect(await widget.launcher.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(11, 110, 79)');
  const box = (await widget.launcher.boundingBox())!;
  expect(Math.round(box.x)).toBe(16);
  await state('brand-before-any-answer');
  release();
  // The site's own colour (#b45309) and side (right) do not override the snippet's.
  await widget.open();
  await expect(widget.lastBot).toBeVisible();
  expect(await widget.host.locator('.launcher').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(11, 110, 79)');
  expect(await coloursSeen(page)).toEqual(['rgb(11, 110, 79)']);
});

test('without data-color the launcher waits for the site\'s colour: never the default blue first', async ({ page, widget, state }) => {
  await recordLauncherColours(page);
  // The boot answer comes a second late (the launcher waits up to 3 s for it).
  await page.route(/\/widget\.json/, async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue().catch(() => {});
  });
  await page.goto('/barber-nyc/');
  await expect(widget.launcher).toBeVisible();
  expect(await widget.launcher.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(180, 83, 9)');
  await state('brand-from-boot');
  // Frame by frame since the page started: only ever the brand colour.
  expect(await coloursSeen(page)).toEqual(['rgb(180, 83, 9)']);
});
