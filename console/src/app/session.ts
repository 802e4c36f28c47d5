/**
 * Who is signed in. `undefined` while auth.me is on its way (first paint), `null` when signed
 * out. The CSRF token of the session goes to the client here and nowhere else.
 */
import { computed, signal } from '@preact/signals';
import { api } from '../api/api.js';
import { setCsrfToken } from '../api/client.js';
import type { Me } from '../api/contract.js';
import type { ApiError } from '../api/errors.js';
import { chooseLang, profileLang, type UiLang } from '../i18n/index.js';

export const me = signal<Me | null | undefined>(undefined);
/** Why the last session ended unexpectedly (shown on the sign-in page). */
export const sessionNotice = signal<'ended' | null>(null);
export const bootError = signal<ApiError | null>(null);
export const isOwner = computed(() => me.value?.user.role === 'owner');

/** A language picked on the sign-in page in this visit: it becomes the account's at sign-in. */
let pickedSignedOut: UiLang | null = null;

export function signedIn(m: Me): void {
  setCsrfToken(m.csrfToken);
  if (pickedSignedOut && pickedSignedOut !== m.user.lang) {
    m = { ...m, user: { ...m.user, lang: pickedSignedOut } };
    saveLang(pickedSignedOut);
  } else {
    profileLang(m.user.lang);
  }
  pickedSignedOut = null;
  sessionNotice.value = null;
  me.value = m;
}

/**
 * The header's language switch: shown at once; saved to the account when signed in (so the
 * choice follows the user to their other devices), else kept for the sign-in that follows.
 */
export function pickLang(l: UiLang): void {
  chooseLang(l);
  const m = me.value;
  if (!m) {
    pickedSignedOut = l;
    return;
  }
  if (m.user.lang === l) return;
  me.value = { ...m, user: { ...m.user, lang: l } };
  saveLang(l);
}

function saveLang(l: UiLang): void {
  // Not worth an error on screen: the page already speaks `l`; only other devices would miss it.
  api.auth.setLang({ lang: l }).catch(() => undefined);
}

export async function boot(): Promise<void> {
  bootError.value = null;
  try {
    const m = await api.auth.me();
    if (m) signedIn(m);
    else me.value = null;
  } catch (e) {
    bootError.value = e as ApiError;
  }
}

export async function signOut(): Promise<void> {
  try {
    await api.auth.logout();
  } catch {
    // Signed out locally either way; the server session expires on its own.
  }
  setCsrfToken(null);
  me.value = null;
}

/** Any call answered UNAUTHORIZED: the session expired or was revoked elsewhere. */
export function sessionLost(): void {
  if (!me.value) return;
  setCsrfToken(null);
  sessionNotice.value = 'ended';
  me.value = null;
}
