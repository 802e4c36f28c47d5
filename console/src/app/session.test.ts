import { beforeEach, describe, expect, it, vi } from 'vitest';

const setLang = vi.fn(async (_i: { lang: string }) => ({ ok: true }));
vi.mock('../api/api.js', () => ({ api: { auth: { setLang } } }));

const { me, pickLang, signedIn } = await import('./session.js');
const { lang } = await import('../i18n/index.js');
import type { Me } from '../api/contract.js';

const account = (l: Me['user']['lang']): Me => ({
  user: { id: 'u1', email: 'a@b.demo', name: 'A', role: 'staff', lang: l, staffId: 's1' },
  business: { id: 'b1', name: 'B', timeZone: 'UTC', currency: 'USD', languages: ['en'], defaultLang: 'en', openingHours: {} },
  csrfToken: 'csrf',
});

describe('the console language and the account', () => {
  beforeEach(() => {
    setLang.mockClear();
    me.value = null;
  });

  it("signing in shows the account's language and saves nothing", () => {
    lang.value = 'en';
    signedIn(account('hy'));
    expect(lang.value).toBe('hy');
    expect(setLang).not.toHaveBeenCalled();
  });

  it('a pick while signed in is shown and saved to the account', () => {
    signedIn(account('en'));
    pickLang('ru');
    expect(lang.value).toBe('ru');
    expect(me.value!.user.lang).toBe('ru');
    expect(setLang).toHaveBeenCalledWith({ lang: 'ru' });
    pickLang('ru');
    expect(setLang).toHaveBeenCalledTimes(1);
  });

  it('a pick on the sign-in page wins over the account and is saved at sign-in, once', () => {
    pickLang('en');
    expect(setLang).not.toHaveBeenCalled();
    signedIn(account('hy'));
    expect(lang.value).toBe('en');
    expect(me.value!.user.lang).toBe('en');
    expect(setLang).toHaveBeenCalledWith({ lang: 'en' });
    // The next sign-in (no new pick) follows the account again.
    me.value = null;
    signedIn(account('hy'));
    expect(lang.value).toBe('hy');
    expect(setLang).toHaveBeenCalledTimes(1);
  });
});
