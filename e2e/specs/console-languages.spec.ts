/**
 * The console in Russian and Armenian, as the salon's and the clinic's owners read it (issue 14,
 * "No English or raw values in a ru/hy console"): calendar (day and week, desktop and phone),
 * dashboard, services, quote trees and business settings, each screenshotted (test-results/) and
 * checked for English leftovers, internal values and each language's own time format.
 */
import { expect, OWNER, test } from '../support/console';

const CASES = [
  {
    lang: 'ru',
    site: 'demo-salon-spb',
    nav: 'Основное',
    menu: 'Меню',
    calendar: 'Календарь',
    /** [link, page heading] */
    pages: { dashboard: ['Показатели', 'Показатели'], services: ['Услуги', 'Услуги'], quotes: ['Расчёт цены', 'Расчёт цены'], business: ['Бизнес', 'Настройки бизнеса'] },
    week: 'Неделя',
  },
  {
    lang: 'hy',
    site: 'demo-clinic-yerevan',
    nav: 'Հիմնական',
    menu: 'Ընտրացանկ',
    calendar: 'Օրացույց',
    pages: { dashboard: ['Ցուցանիշներ', 'Ցուցանիշներ'], services: ['Ծառայություններ', 'Ծառայություններ'], quotes: ['Գնի հաշվարկ', 'Գնի հաշվարկ'], business: ['Բիզնես', 'Բիզնեսի կարգավորումներ'] },
    week: 'Շաբաթ',
  },
] as const;

/**
 * Words that must not survive translation (whole words, case-sensitive: "Owner", "sec"), raw
 * statuses and ids, and 12-hour times: ru/hy use the 24-hour clock, as the widget does.
 */
const LEFTOVERS = /\b(Owner|Calendar|Today|Week|Day|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|sec|min|hr|confirmed|cancelled|no_show|attended|Invalid input|undefined|null|NaN)\b|\d{1,2}:\d{2}\s?(AM|PM)/;

async function mainText(page: import('@playwright/test').Page): Promise<string> {
  // Names the owner typed (a service called "Haircut") are theirs: only the console's own text counts.
  return page.locator('main').innerText();
}

for (const c of CASES) {
  test(`the console in ${c.lang}: no English, no raw values, 24-hour times`, async ({ page, desk, check }) => {
    // Seven full-page screenshots, each with axe.
    test.setTimeout(180_000);
    await desk.signIn(OWNER(c.site));
    await expect(desk.heading).toHaveText('Calendar');
    await page.getByLabel('Language').selectOption(c.lang);
    await expect(desk.heading).toHaveText(c.calendar);
    await expect(page.locator('html')).toHaveAttribute('lang', c.lang);
    const nav = page.getByRole('navigation', { name: c.nav });
    const go = async (link: string, heading = link) => {
      await nav.getByRole('link', { name: link, exact: true }).click();
      await expect(desk.heading).toHaveText(heading);
    };

    // Calendar: the day with everyone, then one person's week.
    await expect(page.locator('.time-grid')).toBeVisible();
    await check(`${c.lang}-calendar-day`);
    expect(await mainText(page)).not.toMatch(LEFTOVERS);
    await page.getByRole('button', { name: c.week, exact: true }).click();
    await expect(page.locator('.tg-head')).toHaveCount(7);
    await check(`${c.lang}-calendar-week`);
    expect(await mainText(page)).not.toMatch(LEFTOVERS);

    for (const [key, [link, heading]] of Object.entries(c.pages)) {
      await go(link, heading);
      await check(`${c.lang}-${key}`);
      expect(await mainText(page), key).not.toMatch(LEFTOVERS);
    }

    // Phone layout: the calendar on a 390 px screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: c.menu, exact: true }).click();
    await go(c.calendar);
    await expect(page.locator('.time-grid')).toBeVisible();
    await check(`${c.lang}-calendar-phone`);
  });
}
