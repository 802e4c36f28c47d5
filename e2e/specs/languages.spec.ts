import { expect, test } from '../support/fixtures';
import { OPEN_CHAT, STRINGS, WORDS, type Lang } from '../support/strings';
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
    const w = WORDS[lang];
    await page.goto(path);
    await expect(widget.launcher).toHaveAccessibleName(OPEN_CHAT[lang]);
    await widget.open();
    await expect(widget.panel).toHaveAttribute('lang', lang);
    await expect(widget.log.locator('.msg').first()).toHaveText(greeting);
    for (const label of Object.values(t.intents)) await expect(widget.button(label)).toBeVisible();
    await state(`${lang}-greeting`);

    await widget.choose(t.intents.book);
    await expect(widget.lastBot).toHaveText(w.askService);
    await state(`${lang}-services`);
    await widget.chooseService(service);
    await expect(widget.button(w.anyone).or(widget.slots.first())).toBeVisible();
    if (await widget.button(w.anyone).isVisible()) {
      await state(`${lang}-specialists`);
      await widget.choose(w.anyone);
    }
    await expect(widget.slots.first()).toBeVisible();
    await state(`${lang}-slots`);
    await widget.host.getByRole('group', { name: t.day }).getByRole('button').nth(2).click();
    await expect(widget.host.getByRole('group', { name: t.day }).getByRole('button', { pressed: true })).toBeVisible();
    await state(`${lang}-day`);

    await widget.choose(t.menu);
    await expect(widget.lastBot).toHaveText(w.again);
    await widget.choose(t.intents.human);
    await expect(widget.lastBot).toHaveText(w.handoffAsk);
    await widget.say('?');
    await expect(widget.lastBot).toHaveText(w.handoffContact);
    await widget.submit.click();
    await expect(widget.host.getByText(w['err.name']).first()).toBeVisible();
    await state(`${lang}-handoff-errors`);

    await widget.choose(t.menu);
    await widget.choose(t.intents.prices);
    // A site with several quote trees asks which first; one with a single tree asks its first question.
    await expect(widget.lastBot).not.toHaveText(w.again);
    if ((await widget.lastBot.innerText()) === w.askTree) {
      await state(`${lang}-quote-trees`);
      await widget.host.locator('.step li button').first().click();
      await expect(widget.lastBot).not.toHaveText(w.askTree);
    }
    await state(`${lang}-quote-question`);

    await widget.choose(t.menu);
    await widget.choose(t.intents.my_booking);
    await expect(widget.lastBot).toHaveText(w.lookupAsk);
    await state(`${lang}-my-booking-lookup`);

    await page.keyboard.press('Escape');
    await expect(widget.panel).toBeHidden();
    await expect(widget.launcher).toBeFocused();
  });
}
