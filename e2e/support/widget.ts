import { expect, type Locator, type Page } from '@playwright/test';
import { OPEN_CHAT, STRINGS, type Lang } from './strings';

/**
 * Page object for one widget on a page: its launcher, panel and controls, found by role
 * and accessible name in the widget's language (Playwright pierces the open shadow root).
 */
export class Widget {
  readonly host: Locator;
  readonly t: (typeof STRINGS)[Lang];

  /**
   * @param among With several widgets on a page (their scripts run in any order), pick this
   * one by its launcher's language rather than by position.
   */
  constructor(readonly page: Page, readonly lang: Lang = 'en', among = false) {
    this.t = STRINGS[lang];
    const hosts = page.locator('frontdesk-widget');
    this.host = among ? hosts.filter({ has: page.getByRole('button', { name: this.launcherName }) }) : hosts.first();
  }

  private get launcherName(): RegExp {
    return new RegExp(`^(${OPEN_CHAT[this.lang]}|${this.t.close})$`);
  }

  get launcher(): Locator {
    return this.host.getByRole('button', { name: this.launcherName });
  }
  get panel(): Locator {
    return this.host.getByRole('dialog');
  }
  get region(): Locator {
    return this.host.getByRole('region');
  }
  get log(): Locator {
    return this.host.getByRole('log');
  }
  get composer(): Locator {
    return this.host.getByRole('textbox', { name: this.t.message });
  }
  get slots(): Locator {
    return this.host.getByRole('list', { name: this.t.times }).getByRole('button');
  }
  get problem(): Locator {
    return this.host.getByRole('alert');
  }
  /** The last thing the bot said. */
  get lastBot(): Locator {
    return this.log.locator('.msg:not(.me)').last();
  }

  /** The submit button of the form on screen (the composer has its own "Send"). */
  get submit(): Locator {
    return this.host.locator('.step form').getByRole('button').first();
  }

  button(name: string | RegExp): Locator {
    return this.host.getByRole('button', { name, exact: typeof name === 'string' });
  }

  async open(): Promise<void> {
    await this.launcher.click();
    await expect(this.panel).toBeVisible();
    await expect(this.panel).toBeFocused();
  }

  async choose(name: string | RegExp): Promise<void> {
    await this.button(name).click();
  }

  async say(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
  }

  /** Service chips carry the price ("$45", "2 500–4 500 ₽", "10 000 ֏") and duration after the name. */
  async chooseService(name: string): Promise<void> {
    await this.host.getByRole('button', { name: new RegExp(`^${escape(name)} [\\d$]`) }).click();
  }

  async fillContact(c: { name?: string; phone?: string; email?: string; message?: string }): Promise<void> {
    if (c.message !== undefined) await this.host.getByLabel(this.t.text).fill(c.message);
    if (c.name !== undefined) await this.host.getByLabel(this.t.name, { exact: true }).fill(c.name);
    if (c.phone !== undefined) await this.host.getByLabel(this.t.phone, { exact: true }).fill(c.phone);
    if (c.email !== undefined) await this.host.getByLabel(this.t.email, { exact: true }).fill(c.email);
  }

  async consent(): Promise<void> {
    await this.host.getByRole('checkbox', { name: this.t.consent }).check();
  }

  /** Books the first nearest slot of a service with anyone, up to the confirmation card. */
  async bookFirstSlot(service: string, who: { name: string; phone?: string; email?: string }): Promise<string> {
    await this.choose(this.t.intents.book);
    await this.chooseService(service);
    if (await this.button(this.t.anyone).isVisible()) await this.choose(this.t.anyone);
    const slot = this.slots.first();
    const label = (await slot.innerText()).split('\n')[0]!;
    await slot.click();
    await this.fillContact(who);
    await this.consent();
    await this.choose(this.t.confirm);
    await expect(this.log).toContainText(this.t.booked);
    return label;
  }
}

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
