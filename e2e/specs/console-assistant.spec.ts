import { startFakeAiProvider, type FakeAiProvider } from '../../booking-service/src/dev/fake-ai-provider';
import { saveAssistant } from '../support/assistant';
import { expect, OWNER, test } from '../support/console';

const SITE = 'demo-salon-spb';

/**
 * The owner sets the AI assistant in Russian against a scripted OpenAI-compatible provider on
 * loopback (allowed in the demo, as for webhooks): a bad address is named next to its field,
 * "Проверить подключение" makes one tiny call and says it works, the saved key is never shown
 * again (only "saved"), and the page reads in Armenian too. Screenshots + axe in ru and hy.
 */
test('the owner sets the AI assistant and tests the connection (ru)', async ({ page, desk, check }) => {
  const fake: FakeAiProvider = await startFakeAiProvider();
  try {
    await desk.signedIn(OWNER(SITE));
    await desk.go('AI assistant');
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ru');
    await expect(desk.heading).toHaveText('ИИ-помощник');
    const form = page.locator('form.panel');
    await form.getByLabel('Модель', { exact: true }).fill('fake-1');
    await form.getByLabel('Адрес сервиса (base URL)').fill('ftp://example.com/v1');
    await form.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect(form.getByText('Введите адрес, начинающийся с https:// или http://')).toBeVisible();

    await form.getByLabel('Адрес сервиса (base URL)').fill(fake.baseURL);
    await form.getByLabel('Ключ', { exact: true }).fill('sk-e2e-secret-key');
    fake.script([{ reply: 'OK', tokens: 5 }]);
    await form.getByRole('button', { name: 'Проверить подключение' }).click();
    await expect(form.getByRole('status')).toHaveText('Работает: модель ответила.');
    expect(fake.requests).toHaveLength(1);

    await form.getByLabel('Включить ИИ-помощника').check();
    await form.getByLabel('Токенов в день').fill('5000');
    await form.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect(form.getByRole('status')).toHaveText('Сохранено.');
    await expect(form.getByLabel('Ключ', { exact: true })).toHaveValue('');
    await expect(form.getByText(/^Ключ сохранён/)).toBeVisible();
    await check('assistant-ru');

    // After a reload: the settings, and of the key only that it is set.
    await page.reload();
    await expect(desk.heading).toHaveText('ИИ-помощник');
    await expect(form.getByLabel('Адрес сервиса (base URL)')).toHaveValue(fake.baseURL);
    await expect(form.getByLabel('Включить ИИ-помощника')).toBeChecked();
    await expect(form.getByLabel('Ключ', { exact: true })).toHaveValue('');
    await expect(page.getByText('sk-e2e-secret-key')).toHaveCount(0);

    await page.getByRole('combobox', { name: 'Язык', exact: true }).selectOption('hy');
    await expect(desk.heading).toHaveText('ԱԲ օգնական');
    await check('assistant-hy');
    await page.getByRole('combobox', { name: 'Լեզու', exact: true }).selectOption('en');
    await expect(desk.heading).toHaveText('AI assistant');
  } finally {
    // The e2e database is shared: later specs' free text must not go to a provider that is gone.
    await saveAssistant(page, { enabled: false, baseUrl: fake.baseURL, model: 'fake-1', dailyTokens: 0 });
    await fake.close();
  }
});
