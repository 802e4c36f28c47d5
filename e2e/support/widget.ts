import { expect, type Locator, type Page } from '@playwright/test';
import { OPEN_CHAT, STRINGS, WORDS, type Lang } from './strings';

/**
 * Page object for one widget on a page: its launcher, panel and controls, found by role
 * and accessible name in the widget's language (Playwright pierces the open shadow root).
 */
export class Widget {
  readonly host: Locator;
  /** The widget's own words (labels, captions). */
  readonly t: (typeof STRINGS)[Lang];
  /** What the bot says (the server's message table). */
  readonly w: (typeof WORDS)[Lang];

  /**
   * @param among With several widgets on a page (their scripts run in any order), pick this
   * one by its launcher's language rather than by position.
   */
  constructor(readonly page: Page, readonly lang: Lang = 'en', among = false) {
    this.t = STRINGS[lang];
    this.w = WORDS[lang];
    const hosts = page.locator('frontdesk-widget');
    this.host = among ? hosts.filter({ has: page.getByRole('button', { name: this.launcherName }) }) : hosts.first();
  }

  private get launcherName(): RegExp {
    // "Open chat (2)": staff replies the visitor has not seen yet.
    return new RegExp(`^(${OPEN_CHAT[this.lang]}( \\(\\d+\\))?|${this.t.close})$`);
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

  /** The contact form: a name and ONE "phone or e-mail" field (the phone wins when both are given). */
  async fillContact(c: { name?: string; phone?: string; email?: string; message?: string }): Promise<void> {
    if (c.message !== undefined) await this.host.getByLabel(this.t.text).fill(c.message);
    if (c.name !== undefined) await this.host.getByLabel(this.t.name, { exact: true }).fill(c.name);
    const contact = c.phone ?? c.email;
    if (contact !== undefined) await this.host.getByLabel(this.t.contact, { exact: true }).fill(contact);
  }

  /** Ticks the consent box of the form on screen (its words come from the server). */
  async consent(): Promise<void> {
    await this.host.locator('.step').getByRole('checkbox').check();
  }

  /** Services with one specialist skip the "who" question: picks "anyone" only when it is asked. */
  async anyoneIfAsked(): Promise<void> {
    const anyone = this.button(this.w.anyone);
    await expect(anyone.or(this.slots.first())).toBeVisible();
    if (await anyone.isVisible()) await anyone.click();
  }

  /** Books the first nearest slot of a service with anyone, up to the confirmation card. */
  async bookFirstSlot(service: string, who: { name: string; phone?: string; email?: string }): Promise<string> {
    await this.choose(this.w['intent.book']);
    await this.chooseService(service);
    await this.anyoneIfAsked();
    const slot = this.slots.first();
    const label = (await slot.innerText()).split('\n')[0]!;
    await slot.click();
    await this.fillContact(who);
    await this.consent();
    await this.choose(this.w.confirmBooking);
    await expect(this.log).toContainText(this.w.booked);
    return label;
  }
}

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
