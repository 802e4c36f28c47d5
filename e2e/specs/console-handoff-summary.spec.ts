import { startFakeAiProvider, type FakeAiProvider } from '../../booking-service/src/dev/fake-ai-provider';
import { saveAssistant } from '../support/assistant';
import { expect, OWNER, test } from '../support/console';
import { DEMO_URL } from '../support/urls';
import { Widget } from '../support/widget';

/**
 * With the AI assistant on (a scripted OpenAI-compatible provider on loopback), a hand-off from the
 * widget gets the assistant's one-paragraph summary for staff: the service's job worker asks the
 * model after the request is stored, and the inbox shows it labelled as the assistant's
 * ("Кратко (ассистент)"), in ru and hy. Screenshots + axe. The assistant is turned off again after.
 */
const SITE = 'demo-salon-spb';
const SUMMARY = 'Клиентка спрашивает, можно ли прийти на стрижку с ребёнком; просит перезвонить. Перезвоните и предложите время.';

test('the assistant writes a summary of a hand-off and the inbox shows it as the assistant’s (ru, hy)', async ({ page, browser, desk, check }) => {
  const fake: FakeAiProvider = await startFakeAiProvider();
  const visitor = 'Ева Сводка';
  await desk.signedIn(OWNER(SITE));
  try {
    await saveAssistant(page, { enabled: true, baseUrl: fake.baseURL, model: 'fake-1', apiKey: 'sk-e2e', dailyTokens: 0 });
    // Every request to the model gets this answer (the summary is the one asked for here).
    fake.script(Array.from({ length: 5 }, () => ({ reply: SUMMARY })));

    const visitorContext = await browser.newContext({ baseURL: DEMO_URL, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    const visitorPage = await visitorContext.newPage();
    const widget = new Widget(visitorPage, 'ru');
    await visitorPage.goto('/salon-spb/');
    await widget.open();
    await widget.choose(widget.t.intents.human);
    await widget.say('Можно прийти на стрижку с ребёнком? Позвоните мне');
    await expect(widget.lastBot).toHaveText(widget.w.handoffContact);
    await widget.fillContact({ name: visitor, phone: '+7 921 555 44 33' });
    await widget.consent();
    await widget.submit.click();
    await expect(widget.host.getByLabel(widget.t.name, { exact: true })).toBeHidden();
    await visitorContext.close();

    await desk.go('Inbox');
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ru');
    const request = page.getByRole('article', { name: visitor }).first();
    const summary = request.getByRole('region', { name: 'Кратко (ассистент)' });
    // The worker polls its jobs; the inbox polls the server: reload until the summary is there.
    await expect(async () => {
      await page.reload();
      await expect(summary).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 45_000 });
    await expect(summary).toContainText(SUMMARY);
    // No phone or name reached the provider.
    const sent = JSON.stringify(fake.requests);
    expect(sent).not.toContain('555 44 33');
    expect(sent).not.toContain('Сводка');
    await request.scrollIntoViewIfNeeded();
    await check('handoff-summary-ru');

    await page.getByRole('combobox', { name: 'Язык', exact: true }).selectOption('hy');
    await expect(request.getByRole('region', { name: 'Ամփոփում (օգնական)' })).toBeVisible();
    await check('handoff-summary-hy');
    await page.getByRole('combobox', { name: 'Լեզու', exact: true }).selectOption('en');
  } finally {
    await saveAssistant(page, { enabled: false, baseUrl: fake.baseURL, model: 'fake-1', dailyTokens: 0 });
    await fake.close();
  }
});
