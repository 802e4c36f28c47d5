/**
 * A site opened on an origin it does not allow (here 127.0.0.2, a loopback address the demo sites
 * do not list): the launcher still shows, in the site's colour, and the chat tells the visitor the
 * truth, calmly and in their language, without calling the API. The owner sees "refused N times
 * today from …" on the console's Sites page and allows it with one click; the widget then works there.
 */
import { DEMO_PORT } from '../support/urls';
import { expect, test } from '../support/console';
import { Widget } from '../support/widget';

const ORIGIN = `http://127.0.0.2:${DEMO_PORT}`;

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  test('a Russian page on a refused origin: the launcher shows, the panel says why in Russian', async ({ page, state }) => {
    const widget = new Widget(page, 'ru');
    const api: string[] = [];
    page.on('request', (r) => r.url().includes('/trpc/') && api.push(r.url()));
    await page.goto(`${ORIGIN}/salon-spb/`);
    await expect(widget.launcher).toBeVisible();
    // The site's colour, from the boot answer the refused page may read.
    expect(await widget.launcher.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(124, 58, 237)');
    await widget.launcher.tap();
    await expect(widget.host.getByRole('alert')).toHaveText('На этом сайте чат пока не работает: владелец ещё не подключил его здесь. Свяжитесь с ним, пожалуйста, по телефону или почте.');
    await state('refused-phone-ru');
    await widget.host.getByRole('button', { name: 'Закрыть чат' }).last().tap();
    await expect(widget.host.getByRole('alert')).toBeHidden();
    expect(api).toEqual([]);
  });
});

test('refused on a site: the visitor is told, the owner sees it today and allows it in one click', async ({ page, desk, check, state }) => {
  const widget = new Widget(page);
  await page.goto(`${ORIGIN}/barber-nyc/`);
  await widget.launcher.click();
  await expect(widget.host.getByRole('alert')).toHaveText('The chat isn’t available on this website yet: the business hasn’t switched it on here. Please contact them by phone or e-mail.');
  await state('refused-desktop-en');
  // Esc closes it, focus back on the launcher.
  await page.keyboard.press('Escape');
  await expect(widget.host.getByRole('alert')).toBeHidden();
  await expect(widget.launcher).toBeFocused();

  await desk.signedIn('owner@demo-barber-nyc.demo');
  await desk.go('Sites');
  const site = page.getByRole('region', { name: 'demo-barber-nyc' });
  await expect(site.getByText(new RegExp(`^Refused \\d+ times? today from ${ORIGIN.replaceAll('.', '\\.')}:`))).toBeVisible();
  await check('sites-refused');
  await site.getByRole('button', { name: `Allow ${ORIGIN}` }).click();
  await expect(site.getByRole('status').filter({ hasText: `Allowed. The widget works on ${ORIGIN} from the next page view.` })).toBeVisible();
  await expect(site.getByLabel('Allowed origins')).toHaveValue(new RegExp(`${ORIGIN.replaceAll('.', '\\.')}$`));
  await check('sites-allowed');

  // The same page now gets the chat (the service's CORS list refreshes within seconds).
  await expect(async () => {
    await page.goto(`${ORIGIN}/barber-nyc/`);
    await widget.launcher.click();
    await expect(widget.lastBot).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await state('allowed-greeting');
});
