/**
 * Conversation details a newcomer tripped over (issue 14): the language switcher in the panel
 * header (the server conversation switches too), the allowed range named for a number answer out
 * of range, the message-length counter and its clear limit, and the time zone named in words.
 */
import { expect, test } from '../support/fixtures';
import { STRINGS, WORDS } from '../support/strings';
import { Widget } from '../support/widget';

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k]));

test('the header switches language mid-conversation; a number out of range names the range; a long message gets a counter and a limit', async ({ page, state }) => {
  const hy = new Widget(page, 'hy');
  await page.goto('/clinic-yerevan/');
  await hy.open();
  const switcher = hy.host.getByRole('combobox', { name: STRINGS.hy.language });
  await expect(switcher).toHaveValue('hy');
  await state('hy-language-switcher');

  await hy.choose(STRINGS.hy.intents.prices);
  await expect(hy.lastBot).toHaveText(WORDS.hy.askTree);
  await hy.choose('Ատամի լիցք (պլոմբ)');
  await expect(hy.lastBot).toHaveText('Քանի՞ ատամ է անհրաժեշտ բուժել');
  const answer = hy.host.getByRole('spinbutton', { name: STRINGS.hy.answer });
  await expect(hy.host.getByText(fill(STRINGS.hy.range, { min: 1, max: 8 }))).toBeVisible();
  await answer.fill('0');
  await hy.submit.click();
  await expect(hy.lastBot).toHaveText(fill(WORDS.hy.numberRange, { min: 1, max: 8 }));
  // The question stays, and is not asked a second time.
  await expect(hy.log.getByText('Քանի՞ ատամ է անհրաժեշտ բուժել')).toHaveCount(1);
  await state('hy-number-out-of-range');

  await switcher.selectOption('ru');
  const ru = new Widget(page, 'ru');
  await expect(ru.panel).toHaveAttribute('lang', 'ru');
  // The question on screen is asked again in the new language, and the controls speak it.
  await expect(ru.lastBot).toHaveText('Сколько зубов нужно вылечить?');
  await expect(ru.host.getByRole('spinbutton', { name: STRINGS.ru.answer })).toBeVisible();
  await ru.host.getByRole('spinbutton', { name: STRINGS.ru.answer }).fill('-1');
  await ru.submit.click();
  await expect(ru.lastBot).toHaveText(fill(WORDS.ru.numberRange, { min: 1, max: 8 }));
  await state('ru-after-switch-number-out-of-range');

  // Near the limit a counter shows; past it the message says so and nothing is sent.
  await ru.composer.fill('а'.repeat(4600));
  await expect(ru.host.getByText('4600 / 5000')).toBeVisible();
  await ru.composer.fill('а'.repeat(5200));
  await expect(ru.problem).toContainText(fill(STRINGS.ru.tooLong, { max: 5000 }));
  await expect(ru.problem).toContainText('5200 / 5000');
  await expect(ru.composer).toHaveAttribute('aria-invalid', 'true');
  const before = await ru.log.locator('.msg').count();
  await ru.composer.press('Enter');
  await expect(ru.composer).toHaveValue('а'.repeat(5200));
  await expect(ru.log.locator('.msg')).toHaveCount(before);
  await state('ru-too-long');

  await ru.host.getByRole('combobox', { name: STRINGS.ru.language }).selectOption('hy');
  await expect(hy.lastBot).toHaveText('Քանի՞ ատամ է անհրաժեշտ բուժել');
  await expect(hy.problem).toContainText(fill(STRINGS.hy.tooLong, { max: 5000 }));
  await state('hy-too-long');
  // Shortened to the limit, it goes.
  await hy.composer.fill('2');
  await hy.composer.press('Enter');
  await expect(hy.host.getByText(/\/ 5000/)).toHaveCount(0);
  await expect(hy.lastBot).not.toHaveText('Քանի՞ ատամ է անհրաժեշտ բուժել');
});

for (const [lang, path, service, zone] of [
  ['ru', '/salon-spb/', 'Мужская стрижка', 'время московское'],
  ['hy', '/clinic-yerevan/', 'Առաջնային զննում', 'Երևանի ժամանակով'],
] as const) {
  test(`${lang}: the free times name the zone in words and the strip offers only free days`, async ({ page, state }) => {
    const w = new Widget(page, lang);
    await page.goto(path);
    await w.open();
    await w.choose(STRINGS[lang].intents.book);
    await w.chooseService(service);
    await w.anyoneIfAsked();
    await expect(w.slots.first()).toBeVisible();
    await expect(w.host.locator('.zone')).toHaveText(zone);
    await expect(w.host.getByRole('group', { name: STRINGS[lang].day }).getByRole('button').first()).toBeVisible();
    await state(`${lang}-slots-zone`);
  });
}
