import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
const base = 'http://localhost:3200/console/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext(); const page = await ctx.newPage();
page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('CONSOLE', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
await page.goto(base);
await page.getByLabel('E-mail').fill(process.env.USER_EMAIL ?? 'owner@demo-barber-nyc.demo');
await page.getByLabel('Password').fill('frontdesk-demo');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL(/#\/calendar/);
const pages = (process.env.PAGES ?? 'calendar,inbox,dashboard,settings/business,settings/services,settings/staff,settings/sites,settings/quote-trees,my-hours,calendar-settings').split(',');
for (const p of pages) {
  await page.goto(base + '#/' + p);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/h3/${p.replace('/', '_')}.png`, fullPage: true });
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  console.log(p, 'violations:', r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  const err = await page.locator('[role=alert]').allInnerTexts();
  if (err.length) console.log('  alerts:', err);
}
await browser.close();
