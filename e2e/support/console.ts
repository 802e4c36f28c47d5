import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { test as base, WCAG } from './fixtures';
import { BOOKING_URL } from './urls';

/** Every demo account's password (booking-service/src/seed/demo.ts; demo data only). */
export const DEMO_PASSWORD = 'frontdesk-demo';
export const OWNER = (siteKey: string) => `owner@${siteKey}.demo`;
/** Staff accounts are `<staffId>@<siteKey>.demo`. */
export const STAFF = (staffId: string, siteKey: string) => `${staffId}@${siteKey}.demo`;

/**
 * Page object for the staff console (served by the booking service at /console), found by
 * role and accessible name in English, the UI language the tests pick.
 */
export class Console {
  constructor(readonly page: Page) {}

  url(hash = '/login'): string {
    return `${BOOKING_URL}/console/#${hash}`;
  }

  async open(hash = '/login'): Promise<void> {
    await this.page.goto(this.url(hash));
  }

  get heading(): Locator {
    return this.page.locator('#page-title');
  }

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  get status(): Locator {
    return this.page.getByRole('status');
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    if (!this.page.url().includes('/console/')) await this.open('/login');
    // The profile's language would win otherwise (the clinic's owner reads Armenian); a choice
    // made in the switcher is remembered and wins.
    await this.page.getByLabel('Language').selectOption('en');
    await expect(this.heading).toHaveText('Sign in');
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async signedIn(email: string): Promise<void> {
    await this.signIn(email);
    await expect(this.heading).toHaveText('Calendar');
  }

  /** Follows a link of the main navigation and waits for the page heading (which takes focus). */
  async go(link: string, heading = link): Promise<void> {
    await this.nav.getByRole('link', { name: link, exact: true }).click();
    await expect(this.heading).toHaveText(heading);
    await expect(this.heading).toBeFocused();
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }
}

interface ConsoleFixtures {
  desk: Console;
  /** A screenshot of the whole console page, then axe (WCAG 2.2 AA) with zero violations. */
  check: (name: string) => Promise<void>;
}

export const test = base.extend<ConsoleFixtures>({
  desk: async ({ page }, use) => {
    // The console runs under `script-src 'self'; style-src 'self'`: anything inline it tried
    // would be refused and reported on the console; none may be.
    const refused: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await use(new Console(page));
    expect(refused, 'CSP violations on console pages').toEqual([]);
  },
  check: async ({ page }, use, info) => {
    let n = 0;
    await use(async (name) => {
      // Nothing half-loaded: spinners gone first.
      await expect(page.locator('.spinner')).toHaveCount(0);
      const file = info.outputPath(`console-${String(++n).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await info.attach(name, { path: file, contentType: 'image/png' });
      const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((x) => x.target.join(' ')).join(', ')})`);
      expect(found, `axe on console page "${name}"`).toEqual([]);
    });
  },
});

export { expect };
