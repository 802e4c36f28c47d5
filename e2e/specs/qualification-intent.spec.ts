import { Widget } from '../support/widget';
import { expect, OWNER, test } from '../support/console';

/**
 * Questions before "talk to a person" (issue 17), in Russian: the St Petersburg salon's owner sets
 * one question for the request in the console's second section; a visitor who asks for a person
 * in the widget answers it first, then gets the request form. Screenshots + axe in ru. The
 * question is removed at the end (other journeys ask for a person).
 */
test('owner sets a question before "talk to a person"; the visitor answers it before the form (ru)', async ({ page, desk, check }, info) => {
  test.setTimeout(120_000);
  await desk.signedIn(OWNER('demo-salon-spb'));
  await desk.open('/settings/qualification');
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ru');
  await expect(desk.heading).toHaveText('Вопросы для квалификации');
  const section = page.getByRole('region', { name: 'Перед запросом из меню чата' });
  await section.getByRole('button', { name: 'Связаться с администратором', exact: true }).click();
  await section.getByRole('button', { name: 'Добавить вопрос', exact: true }).click();
  await section.getByLabel(/^Текст вопроса 1/).first().fill('О чём ваш вопрос?');
  const q = section.getByRole('group', { name: 'Вопрос 1', exact: true });
  await q.getByLabel(/^Ответ 1/).first().fill('Свадебная причёска');
  await q.getByLabel('Баллы за ответ 1').fill('2');
  await q.getByLabel(/^Ответ 2/).first().fill('Другое');
  await q.getByLabel('Баллы за ответ 2').fill('0');
  await section.getByLabel('Подходит от (баллов)').fill('2');
  await section.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(section.getByText('Сохранено.')).toBeVisible();
  await page.screenshot({ path: info.outputPath('editor-intent-ru.png'), fullPage: true });
  await check('qualification-intent-editor-ru');

  await page.goto('/salon-spb/');
  const widget = new Widget(page, 'ru');
  await widget.open();
  await widget.choose(widget.w['intent.human']);
  await expect(widget.log).toContainText('О чём ваш вопрос?');
  await page.screenshot({ path: info.outputPath('widget-intent-question-ru.png') });
  await check('widget-intent-question-ru');
  await widget.choose('Свадебная причёска');
  await expect(widget.lastBot).toHaveText(widget.w.handoffAsk);
  await page.screenshot({ path: info.outputPath('widget-intent-passed-ru.png') });

  // Back as it was: no questions before a person.
  await desk.open('/settings/qualification');
  await section.getByRole('button', { name: 'Связаться с администратором', exact: true }).click();
  await section.getByRole('button', { name: 'Удалить вопрос 1', exact: true }).click();
  await section.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(section.getByText('Сохранено.')).toBeVisible();
});
