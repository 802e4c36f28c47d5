import { Widget } from '../support/widget';
import { expect, OWNER, test } from '../support/console';

/**
 * Qualification questions (issue 17), end to end: the NYC barbershop's owner sets two questions
 * for "Beard trim" in the console (answers with points, a passing score); a visitor who answers
 * well goes straight to the times, one who does not is offered the alternatives incl. "talk to a
 * person", asks for one, and the owner sees the score, the verdict and the answers on the lead
 * card in the inbox. The questions are removed at the end (other journeys book a beard trim).
 */
const SERVICE = 'Beard trim';

test('owner sets qualification questions, visitors answer them, the lead card shows the score', async ({ page, desk, check, browser }, info) => {
  test.setTimeout(180_000);
  await desk.signedIn(OWNER('demo-barber-nyc'));
  await desk.open('/settings/qualification');
  await expect(desk.heading).toHaveText('Qualification questions');
  await page.getByLabel('Service', { exact: true }).selectOption({ label: SERVICE });
  const questions: Array<[string, Array<[string, string]>]> = [
    ['When would you like to come?', [['Within 2 days', '2'], ['Later this month', '0']]],
    ['Full beard or a tidy-up?', [['Full beard', '1'], ['Just a tidy-up', '0']]],
  ];
  for (const [i, [text, answers]] of questions.entries()) {
    await page.getByRole('button', { name: 'Add a question', exact: true }).click();
    await page.getByLabel(`Question ${i + 1} text (English)`).fill(text);
    const q = page.getByRole('group', { name: `Question ${i + 1}`, exact: true });
    for (const [j, [label, points]] of answers.entries()) {
      await q.getByLabel(`Answer ${j + 1} (English)`).fill(label);
      await q.getByLabel(`Points for answer ${j + 1}`).fill(points);
    }
  }
  await page.getByLabel('Qualified from (points)').fill('2');
  await page.getByLabel('A useful link (web address)').fill('https://example.com/beard-care');
  await page.getByLabel('Link text (English)').fill('Beard care tips');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved')).toBeVisible();
  await page.screenshot({ path: info.outputPath('editor-en.png'), fullPage: true });
  await check('qualification-editor');

  // Visitor 1 answers "within 2 days": 2 points, qualified, straight to the times.
  await page.goto('/barber-nyc/');
  const widget = new Widget(page);
  await widget.open();
  await widget.choose(widget.w['intent.book']);
  await widget.chooseService(SERVICE);
  await expect(widget.log).toContainText('When would you like to come?');
  await page.screenshot({ path: info.outputPath('widget-question.png') });
  await widget.choose('Within 2 days');
  await expect(widget.log).toContainText('Full beard or a tidy-up?');
  await widget.choose('Just a tidy-up');
  await expect(widget.log).toContainText('Let’s find you a time.');
  await widget.anyoneIfAsked();
  await expect(widget.slots.first()).toBeVisible();
  await page.screenshot({ path: info.outputPath('widget-qualified-times.png') });

  // Visitor 2 (a fresh browser) answers "later" and "tidy-up": 0 points, alternatives.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(new URL('/barber-nyc/', page.url()).toString());
  const w2 = new Widget(page2);
  await w2.open();
  await w2.choose(w2.w['intent.book']);
  await w2.chooseService(SERVICE);
  await w2.choose('Later this month');
  await w2.choose('Just a tidy-up');
  await expect(w2.log).toContainText('Here is what I can offer instead');
  await expect(w2.button('Beard care tips')).toBeVisible();
  await expect(w2.button(w2.w['intent.human'])).toBeVisible();
  await page2.screenshot({ path: info.outputPath('widget-alternatives.png') });
  await w2.choose(w2.w['intent.human']);
  await expect(w2.lastBot).toHaveText(w2.w.handoffAsk);
  await w2.say('Can I come with a long beard?');
  await expect(w2.lastBot).toHaveText(w2.w.handoffContact);
  await w2.fillContact({ name: 'Quinn Qualify', email: 'quinn@example.com' });
  await w2.consent();
  await w2.submit.click();
  await expect(w2.lastBot).toContainText(/a person will answer/i);
  await other.close();

  // The owner's inbox: the request, and its lead card with score, verdict and answers.
  await desk.open('/inbox');
  await expect(desk.heading).toHaveText('Inbox');
  const request = page.locator('article.request', { hasText: 'Quinn Qualify' }).first();
  await request.getByRole('button', { name: /^Reply \// }).click();
  const card = request.getByRole('region', { name: 'Lead' });
  await expect(card).toContainText('not qualified');
  await expect(card).toContainText('Score: 0 (qualifies from 2)');
  await expect(card).toContainText('Later this month');
  await card.screenshot({ path: info.outputPath('lead-card-en.png') });
  await check('inbox-lead-qualification');
  await page.getByLabel('Language').selectOption('ru');
  const cardRu = request.getByRole('region', { name: 'Лид' });
  await expect(cardRu).toContainText('Квалификация');
  await cardRu.screenshot({ path: info.outputPath('lead-card-ru.png') });
  await desk.open('/settings/qualification');
  await page.screenshot({ path: info.outputPath('editor-ru.png'), fullPage: true });
  await check('qualification-editor-ru');

  // Back as it was: no questions for the beard trim.
  await page.getByRole('combobox', { name: 'Язык', exact: true }).selectOption('en');
  await page.getByLabel('Service', { exact: true }).selectOption({ label: SERVICE });
  await page.getByRole('button', { name: 'Remove question 2', exact: true }).click();
  await page.getByRole('button', { name: 'Remove question 1', exact: true }).click();
  await page.getByLabel('A useful link (web address)').fill('');
  await page.getByLabel('Link text (English)').fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved')).toBeVisible();
});
