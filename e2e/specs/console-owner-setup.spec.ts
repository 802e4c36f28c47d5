import { BOOKING_URL } from '../support/urls';
import { Console, expect, OWNER, test } from '../support/console';

const SITE = 'demo-barber-nyc';

test('the owner signs in, adds a service and a quote tree (with its preview), and copies the snippet', async ({ page, context, desk, check }, info) => {
  // A long journey with a screenshot and an axe run in every state: on a busy machine it needs more than a minute.
  test.slow();
  // A retry runs against the same database, where the first try's service may already exist.
  const KIDS = info.retry ? `Kids cut ${info.retry + 1}` : 'Kids cut';
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BOOKING_URL });
  await desk.open();
  await expect(desk.heading).toHaveText('Sign in');
  await check('sign-in');

  // Wrong password: said in words, and the form stays.
  await desk.signIn(OWNER(SITE), 'not-the-password');
  await expect(desk.alert).toHaveText('Wrong e-mail or password.');
  await check('sign-in-error');

  await desk.page.getByLabel('Password').fill('frontdesk-demo');
  await desk.button('Sign in').click();
  await expect(desk.heading).toHaveText('Calendar');
  // The owner sees the settings; CSRF-protected mutations below prove the header is sent.
  await expect(desk.nav.getByRole('link', { name: 'Quote trees' })).toBeVisible();
  await check('calendar-owner-week');
  await desk.button('Day').click();
  // One column per barber, headed by the name.
  await expect(page.getByRole('group', { name: 'Marcus', exact: true })).toBeVisible();
  await check('calendar-owner-day-by-staff');

  // A service.
  await desk.go('Services');
  await check('services');
  await desk.button('Add a service').click();
  const form = page.getByRole('region', { name: 'New service' });
  await form.getByLabel('Name (English)').fill(KIDS);
  await form.getByLabel('Duration (minutes)').fill('20');
  await form.getByLabel('Price (USD)').fill('30');
  await check('service-form');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('listitem').filter({ hasText: KIDS })).toContainText('20 min · $30');

  // A quote tree, built in the form.
  await desk.go('Quote trees');
  await desk.button('+ Add a tree').click();
  const tree = page.locator('.quote-form > fieldset').first();
  // No internal ids to type: the editor makes them.
  await expect(tree.getByLabel('Id', { exact: true })).toHaveCount(0);
  await tree.getByLabel('Service to book').selectOption({ label: KIDS });
  await tree.getByLabel('Base price').fill('30');
  await desk.button('+ Add a question').click();
  const question = page.getByRole('group', { name: /^Question 1\b/ });
  await question.getByLabel('Question (English)').fill('How old is the child?');

  // Saving with blanks: every missing text is named beside its field, nothing is sent.
  await desk.button('Save').click();
  await expect(tree.getByText('Write it in at least one language.')).toBeVisible();
  const option1 = question.getByRole('group', { name: /^Option 1\b/ });
  const option2 = question.getByRole('group', { name: /^Option 2\b/ });
  await expect(option1.getByText('Write it in at least one language.')).toBeVisible();
  await check('quote-tree-client-errors');

  await tree.getByLabel('Title (English)').fill(`${KIDS} price`);
  await option1.getByLabel('Label (English)').fill('Under 6');
  await option1.getByLabel('Add to price').fill('-5');
  await option2.getByLabel('Label (English)').fill('6 or older');
  await option2.getByLabel('Add to price').fill('5');
  // A removal asks first, in place: "Keep" keeps it, "Yes, remove" removes it.
  await question.getByRole('button', { name: '+ Add an option' }).click();
  const option3 = question.getByRole('group', { name: /^Option 3\b/ });
  await option3.getByRole('button', { name: 'Remove option: Option 3' }).click();
  await expect(option3.getByRole('group', { name: 'Remove “Option 3”?' })).toBeVisible();
  await check('quote-tree-remove-asks');
  await option3.getByRole('button', { name: 'Keep' }).click();
  await option3.getByRole('button', { name: 'Remove option: Option 3' }).click();
  await option3.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(option3).toHaveCount(0);
  // The preview runs the tree being edited, as the visitor would see it.
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('How old is the child?');
  await preview.getByRole('button', { name: 'Under 6' }).click();
  await expect(preview).toContainText('Final price: $25');
  await preview.getByRole('button', { name: 'Start over' }).click();
  await preview.getByRole('button', { name: '6 or older' }).click();
  await expect(preview).toContainText('Final price: $35');
  await desk.button('Save').click();
  await expect(desk.status.filter({ hasText: 'Saved.' })).toBeVisible();
  await check('quote-tree-saved');

  // Saved for real: a fresh load shows the tree.
  await page.reload();
  await expect(desk.button(`${KIDS} price`)).toBeVisible();

  // The snippet, copied to the clipboard, and the live preview of the real widget.
  await desk.go('Sites');
  // Its own section: other journeys (console-intents) may have added sites to this business.
  const site = page.getByRole('region', { name: SITE });
  const snippet = await site.getByLabel('Snippet for your site').inputValue();
  expect(snippet).toContain(`data-site="${SITE}"`);
  await site.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(desk.status.filter({ hasText: 'Copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  const frame = page.frameLocator('iframe[title="Preview: demo-barber-nyc"]');
  await expect(frame.getByRole('button', { name: 'Open chat' })).toBeVisible();
  await check('sites');
  // Unsaved form changes show in the preview at once.
  await site.getByLabel('Position').selectOption('left');
  await expect(site.locator('iframe.preview')).toHaveAttribute('src', /position=left/);
  await expect(frame.getByRole('button', { name: 'Open chat' })).toBeVisible();

  await desk.go('Business', 'Business settings');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Bedford Blade Barbershop');
  // Opening hours (the inbox SLA clocks count in them) in the same editor as staff hours.
  await expect(page.getByRole('group', { name: 'Opening hours' }).getByRole('group', { name: 'Monday' }).getByLabel('From')).toHaveValue('10:00');
  await check('business');
  // A value only the server's rules refuse: its message lands beside the field.
  const step = page.getByLabel('Slot step (minutes)');
  await step.fill('7');
  await desk.button('Save').click();
  await expect(page.getByText('one of 5, 10, 15, 20, 30, 60')).toBeVisible();
  await expect(step).toHaveAttribute('aria-invalid', 'true');
  await check('business-error');
  await step.fill('15');
  await desk.button('Save').click();
  await expect(desk.status.filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(step).not.toHaveAttribute('aria-invalid', 'true');
  await desk.go('Staff');
  await expect(page.getByText('barber-marcus@demo-barber-nyc.demo')).toBeVisible();
  await check('staff');
});

test('a staff member sees no owner settings, and an owner page opened by URL says so', async ({ browser, page, desk, check }) => {
  await desk.signedIn('barber-diego@demo-barber-nyc.demo');
  await expect(desk.nav.getByRole('link', { name: 'My hours' })).toBeVisible();
  for (const owner of ['Business', 'Services', 'Staff', 'Sites', 'Quote trees']) {
    await expect(desk.nav.getByRole('link', { name: owner, exact: true })).toHaveCount(0);
  }
  await page.goto(new Console(page).url('/settings/business'));
  await expect(desk.heading).toHaveText('Only the owner can open this page.');
  await check('staff-forbidden');

  await desk.go('My hours', 'My working hours');
  await expect(page.getByRole('group', { name: 'Tuesday' }).getByLabel('From')).toHaveValue('12:00');
  await check('my-hours');
  await desk.go('Google Calendar');
  await expect(page.getByText('Demo calendar (emulator)')).toBeVisible();
  await check('google');

  // The other two languages, switched in the header: every string and the page's lang follow.
  const saved = page.waitForResponse((r) => r.url().includes('auth.setLang') && r.ok());
  await page.getByLabel('Language').selectOption('hy');
  await saved;
  await expect(desk.heading).toHaveText('Google Օրացույց');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hy');
  await expect(page.getByRole('navigation', { name: 'Հիմնական' }).getByRole('link', { name: 'Իմ ժամերը' })).toBeVisible();
  await check('google-hy');
  // Saved to the account (auth.setLang): another device signs in straight to Armenian.
  const device = await browser.newContext({ locale: 'en-US' });
  const other = await device.newPage();
  await other.goto(new Console(other).url('/login'));
  await other.getByLabel('E-mail').fill('barber-diego@demo-barber-nyc.demo');
  await other.getByLabel('Password').fill('frontdesk-demo');
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByRole('navigation', { name: 'Հիմնական' })).toBeVisible();
  await expect(other.locator('html')).toHaveAttribute('lang', 'hy');
  await device.close();
  await page.getByLabel('Язык').or(page.getByLabel('Լեզու')).selectOption('ru');
  await expect(desk.heading).toHaveText('Google Календарь');
  await check('google-ru');
  await page.getByLabel('Язык').selectOption('en');
  await expect(desk.heading).toHaveText('Google Calendar');

  // Phone layout: the navigation folds behind a Menu button.
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(desk.nav).toBeHidden();
  await desk.button('Menu').click();
  await expect(desk.nav).toBeVisible();
  await desk.go('Calendar');
  await expect(desk.nav).toBeHidden();
  await check('phone-calendar');

  await desk.button('Sign out').click();
  await expect(desk.heading).toHaveText('Sign in');
});
