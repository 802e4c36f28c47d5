/**
 * The widget on host pages that fight it: a transformed body, filter + contain on an ancestor,
 * overlays at z-index 2147483647, a page wider than the phone, and a pinch-zoomed phone. On each,
 * at desktop size and on a 390 px phone: the launcher is inside the visible (visual) viewport and
 * is what a tap there hits, and the panel opens on top of everything, inside the visible screen.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import type { Widget } from '../support/widget';

const HOSTS = ['host-transform', 'host-contain', 'host-overlay', 'host-wide'] as const;

interface Seen {
  vv: { x: number; y: number; w: number; h: number; scale: number };
  box: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  /** document.elementFromPoint at the part's centre is the widget's host, and inside it the part itself. */
  hit: boolean;
}

/** Where a part of the widget is, against the visual viewport, and whether a tap at its centre reaches it. */
function seen(widget: Widget, part: '.launcher' | '.frame'): Promise<Seen> {
  return widget.host.evaluate((host, sel) => {
    const vv = window.visualViewport!;
    const el = host.shadowRoot!.querySelector(sel)!;
    const r = el.getBoundingClientRect();
    const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
    const hit = document.elementFromPoint(cx, cy) === host && !!host.shadowRoot!.elementFromPoint(cx, cy)?.closest(sel);
    return {
      vv: { x: vv.offsetLeft, y: vv.offsetTop, w: vv.width, h: vv.height, scale: vv.scale },
      box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
      hit,
    };
  }, part);
}

function expectInside(s: Seen, what: string): void {
  const { vv, box } = s;
  const slack = 0.5;
  expect(box.width, `${what} has a size`).toBeGreaterThan(0);
  expect(box.left, `${what} left edge on screen`).toBeGreaterThanOrEqual(vv.x - slack);
  expect(box.top, `${what} top edge on screen`).toBeGreaterThanOrEqual(vv.y - slack);
  expect(box.right, `${what} right edge on screen`).toBeLessThanOrEqual(vv.x + vv.w + slack);
  expect(box.bottom, `${what} bottom edge on screen`).toBeLessThanOrEqual(vv.y + vv.h + slack);
  expect(s.hit, `${what} is what a tap at its centre hits`).toBe(true);
}

async function launcherThenPanel(page: Page, widget: Widget, state: (n: string) => Promise<void>, name: string): Promise<void> {
  await expect(widget.launcher).toBeVisible();
  const l = await seen(widget, '.launcher');
  expectInside(l, `${name}: launcher`);
  // 60 px on screen whatever the zoom.
  expect(Math.round(l.box.width * l.vv.scale)).toBe(60);
  await state(`${name}-launcher`);
  // Playwright's click fails when another element would receive it.
  await widget.launcher.click();
  await expect(widget.panel).toBeVisible();
  await expect(widget.lastBot).toBeVisible();
  expectInside(await seen(widget, '.frame'), `${name}: panel`);
  await state(`${name}-panel`);
}

for (const [device, use] of [
  ['desktop', { viewport: { width: 1280, height: 720 } }],
  ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
] as const) {
  test.describe(device, () => {
    test.use(use);
    for (const host of HOSTS) {
      test(`${host}: the launcher is on screen and clickable, the panel opens on top`, async ({ page, widget, state }) => {
        await page.goto(`/fixtures/${host}.html`);
        if (host === 'host-transform') await page.mouse.wheel(0, 900);
        await launcherThenPanel(page, widget, state, `${device}-${host}`);
        if (host === 'host-overlay') {
          // The overlays never got the click meant for the widget.
          expect(await page.locator('#corner').getAttribute('data-clicked')).toBeNull();
          expect(await page.locator('#bar').getAttribute('data-clicked')).toBeNull();
        }
        if (host === 'host-wide' && device === 'phone') {
          // The page really is wider than the phone.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeGreaterThan(390);
        }
      });
    }
  });
}

test.describe('phone, pinch-zoomed', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  test('zoomed in 2.5× and panned: the launcher stays on the visible screen at its size, the panel fills it', async ({ page, widget, state }) => {
    await page.goto('/fixtures/host-wide.html');
    await expect(widget.launcher).toBeVisible();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2.5 });
    await expect.poll(() => page.evaluate(() => window.visualViewport!.scale)).toBeCloseTo(2.5, 1);
    // Pan the visible part away from the layout viewport's corner (a touch scroll moves the visual viewport first).
    await cdp.send('Input.synthesizeScrollGesture', { x: 100, y: 300, xDistance: -60, yDistance: -120, gestureSourceType: 'touch', speed: 2000 });
    await launcherThenPanel(page, widget, state, 'phone-zoomed');
    const p = await seen(widget, '.frame');
    // The panel covers the visible screen (full-screen on a phone), counter-scaled to the zoom.
    expect(Math.round(p.box.width * p.vv.scale)).toBe(390);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
  });
});
