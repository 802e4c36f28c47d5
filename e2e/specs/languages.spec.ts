import { expect, test } from '../support/fixtures';
import { OPEN_CHAT, STRINGS, type Lang } from '../support/strings';
import { Widget } from '../support/widget';

const SITES: [Lang, string, string, RegExp][] = [
  ['ru', '/salon-spb/', 'Мужская стрижка', /Здравствуйте|Добр/],
  ['hy', '/clinic-yerevan/', 'Առաջնային զննում', /[Ա-Ֆա-ֆ]/],
  ['en', '/barber-nyc/', 'Beard trim', /Hey|Hello/],
];

for (const [lang, path, service, greeting] of SITES) {
  test(`every state in ${lang} speaks ${lang}, and passes axe (WCAG 2.2 AA)`, async ({ page, state }) => {
    const widget = new Widget(page, lang);
    const t = STRINGS[lang];
    await page.goto(path);
    await expect(widget.launcher).toHaveAccessibleName(OPEN_CHAT[lang]);
    await widget.open();
    await expect(widget.panel).toHaveAttribute('lang', lang);
    await expect(widget.log.locator('.msg').first()).toHaveText(greeting);
    for (const label of Object.values(t.intents)) await expect(widget.button(label)).toBeVisible();
    await state(`${lang}-greeting`);

    await widget.choose(t.intents.book);
    await expect(widget.lastBot).toHaveText(t.service);
    await state(`${lang}-services`);
    await widget.chooseService(service);
    if (await widget.button(t.anyone).isVisible()) {
      await state(`${lang}-specialists`);
      await widget.choose(t.anyone);
    }
    await expect(widget.slots.first()).toBeVisible();
    await state(`${lang}-slots`);
    await widget.host.getByRole('group', { name: t.day }).getByRole('button').nth(2).click();
    await expect(widget.host.getByRole('group', { name: t.day }).getByRole('button', { pressed: true })).toBeVisible();
    await state(`${lang}-day`);

    await widget.choose(t.menu);
    await expect(widget.lastBot).toHaveText(t.again);
    await widget.choose(t.intents.human);
    await widget.submit.click();
    await expect(widget.host.getByText(t.err.required).first()).toBeVisible();
    await state(`${lang}-handoff-errors`);

    await widget.choose(t.menu);
    await widget.choose(t.intents.prices);
    // A site with several quote trees asks which first; one with a single tree asks its first question.
    await expect(widget.lastBot).not.toHaveText(t.again);
    if ((await widget.lastBot.innerText()) === t.tree) {
      await state(`${lang}-quote-trees`);
      await widget.host.locator('.step li button').first().click();
      await expect(widget.lastBot).not.toHaveText(t.tree);
    }
    await state(`${lang}-quote-question`);

    await widget.choose(t.menu);
    await widget.choose(t.intents.my_booking);
    await expect(widget.lastBot).toHaveText(t.none);
    await state(`${lang}-no-booking`);

    await page.keyboard.press('Escape');
    await expect(widget.panel).toBeHidden();
    await expect(widget.launcher).toBeFocused();
  });
}
