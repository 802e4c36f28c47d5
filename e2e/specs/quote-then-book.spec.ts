import { expect, OWNER, test } from '../support/console';
import { BOOKING_URL } from '../support/urls';
import { Widget } from '../support/widget';

/** An amount as digits only ("7 350 ₽", "₽7,350" → "7350"): each language groups digits its own way. */
const digits = (s: string) => s.replace(/[\s\u00a0\u202f,.]/g, '');

/** The options the visitor chose, as the quote's summary names them. */
const CHOSEN = ['До плеч', 'Однотонное', 'Густые'];

/**
 * What was agreed is kept (issue 11): the final price of the quote is the booking's, and the same
 * amount, with the options chosen, is on the confirmation card, in the e-mail, in the .ics
 * description, on the manage page and in the console's booking details.
 */
test('a visitor gets a coloring quote (range first, then the final price) and books it', async ({ page, state, desk }) => {
  const email = `olga-${Date.now()}@example.ru`;
  const widget = new Widget(page, 'ru');
  const { t, w } = widget;
  const quotes: unknown[] = [];
  await page.exposeFunction('onQuote', (d: unknown) => quotes.push(d));
  await page.addInitScript(() => {
    const w = window as unknown as { Frontdesk?: Record<string, unknown>; onQuote: (d: unknown) => void };
    w.Frontdesk = { q: [['on', ['quote', (d: unknown) => w.onQuote(d)]]] };
  });
  await page.goto('/salon-spb/');
  await widget.open();
  await widget.choose(t.intents.prices);
  await expect(widget.lastBot).toHaveText(w.askTree);
  await state('quote-trees');

  await widget.choose('Окрашивание волос');
  await expect(widget.lastBot).toHaveText('Какой длины волосы?');
  await state('quote-question');
  await widget.choose('До плеч');
  await widget.choose('Однотонное');
  // The range, with what moves it, comes before the clarifying question.
  const range = widget.log.locator('.msg', { hasText: 'Ориентировочно' });
  await expect(range).toContainText('Цена зависит от');
  await expect(range).toContainText('₽');
  await expect(widget.lastBot).toHaveText('И последнее: волосы густые?');
  await state('quote-range');

  await widget.choose('Густые');
  await expect(widget.lastBot).toContainText('Ваша цена:');
  await expect(widget.lastBot).toContainText('₽');
  const amount = digits(/Ваша цена:\s*([\d\s\u00a0\u202f]+)/.exec((await widget.lastBot.textContent())!)![1]!);
  expect(amount).toMatch(/^\d{3,}$/);
  await expect.poll(() => quotes.length).toBe(1);
  await state('quote-final');

  await widget.choose(w.bookThis);
  await expect(widget.lastBot).toHaveText(w.askStaff);
  await widget.choose(w.anyone);
  await widget.slots.first().click();
  await widget.fillContact({ name: 'Ольга', email });
  await widget.consent();
  await widget.choose(w.confirmBooking);
  await expect(widget.log).toContainText(w.booked);
  await expect(widget.log.locator('.card')).toContainText('Окрашивание');
  expect(digits((await widget.log.locator('.card').last().textContent())!)).toContain(amount);
  for (const option of CHOSEN) await expect(widget.log.locator('.card').last()).toContainText(option);
  await state('quote-booked');

  // The confirmation e-mail (the demo mailbox) and its calendar file.
  await page.goto(`${BOOKING_URL}/mailbox`);
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole('link').click();
  const message = page.frameLocator('iframe[title="Message"]');
  expect(digits((await message.locator('body').textContent())!)).toContain(amount);
  for (const option of CHOSEN) await expect(message.locator('body')).toContainText(option);
  const invite = await page.request.get(new URL((await page.getByRole('link', { name: 'invite.ics' }).getAttribute('href'))!, BOOKING_URL).toString());
  const ics = (await invite.text()).replace(/\r\n[ \t]/g, '');
  expect(digits(/^DESCRIPTION:(.*)$/m.exec(ics)![1]!)).toContain(amount);
  for (const option of CHOSEN) expect(/^DESCRIPTION:(.*)$/m.exec(ics)![1]!).toContain(option);

  // The manage page the e-mail links to.
  await page.goto((await message.getByRole('link').filter({ hasText: /перенести|отменить/i }).first().getAttribute('href'))!);
  expect(digits((await page.getByTestId('price').textContent())!)).toContain(amount);
  for (const option of CHOSEN) await expect(page.getByTestId('price')).toContainText(option);
  const start = (await page.locator('dd[data-start]').getAttribute('data-start'))!;

  // The console's booking details, for the owner.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date(start));
  await desk.open(`/calendar?date=${day}&view=day`);
  await desk.signIn(OWNER('demo-salon-spb'));
  await expect(desk.heading).toHaveText('Calendar');
  await page.getByRole('button', { name: /· Ольга/ }).first().click();
  const panel = page.getByRole('region', { name: 'Booking: Ольга' });
  expect(digits((await panel.getByTestId('booking-price').textContent())!)).toContain(amount);
  for (const option of CHOSEN) await expect(panel.getByTestId('booking-price')).toContainText(option);
});
