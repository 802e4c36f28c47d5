/**
 * The signed-in frame: header (business, language, sign out), the role-aware navigation
 * (a sidebar on wide screens, a menu button under 640 px) and the main landmark.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { route } from '../app/router.js';
import { me, pickLang, signOut } from '../app/session.js';
import { badgeCount, startLive, unread } from '../app/live.js';
import { fmt, isUiLang, lang, LANG_NAMES, t, UI_LANGS } from '../i18n/index.js';
import type { Dict } from '../i18n/en.js';

export interface NavItem {
  path: string;
  label: (d: Dict) => string;
  /** Owner settings are hidden from staff (the API refuses them anyway). */
  owner?: boolean;
  /** Pages about one's own calendar need a linked staff member. */
  needsStaff?: boolean;
}

export const NAV: NavItem[] = [
  { path: '/calendar', label: (d) => d.nav.calendar },
  { path: '/inbox', label: (d) => d.nav.inbox },
  { path: '/dashboard', label: (d) => d.nav.dashboard },
  { path: '/waitlist', label: (d) => d.waitlist.nav },
  { path: '/my-hours', label: (d) => d.nav.myHours, needsStaff: true },
  { path: '/calendar-settings', label: (d) => d.nav.google, needsStaff: true },
  { path: '/people', label: (d) => d.nav.people, owner: true },
  { path: '/settings/business', label: (d) => d.nav.business, owner: true },
  { path: '/settings/services', label: (d) => d.nav.services, owner: true },
  { path: '/settings/staff', label: (d) => d.nav.staff, owner: true },
  { path: '/settings/sites', label: (d) => d.nav.sites, owner: true },
  { path: '/settings/quote-trees', label: (d) => d.nav.quoteTrees, owner: true },
  { path: '/settings/knowledge', label: (d) => d.nav.knowledge, owner: true },
  { path: '/settings/assistant', label: (d) => d.assistant.nav, owner: true },
  { path: '/settings/channels', label: (d) => d.nav.channels, owner: true },
  { path: '/settings/api-keys', label: (d) => d.nav.apiKeys, owner: true },
  { path: '/settings/webhooks', label: (d) => d.nav.webhooks, owner: true },
  { path: '/settings/follow-ups', label: (d) => d.nav.followUps, owner: true },
  { path: '/settings/qualification', label: (d) => d.nav.qualification, owner: true },
];

export function visibleNav(role: 'owner' | 'staff', hasStaff: boolean): NavItem[] {
  return NAV.filter((n) => (!n.owner || role === 'owner') && (!n.needsStaff || hasStaff));
}

export function LangSwitch() {
  return (
    <label class="lang-switch">
      <span class="visually-hidden">{t.value.app.language}</span>
      <select value={lang.value} onChange={(e) => isUiLang(e.currentTarget.value) && pickLang(e.currentTarget.value)}>
        {UI_LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Layout(props: { children: ComponentChildren }) {
  const d = t.value;
  const user = me.value!.user;
  const [open, setOpen] = useState(false);
  const path = route.value.path;
  // A chosen link closes the phone menu.
  useEffect(() => setOpen(false), [path]);
  const items = visibleNav(user.role, user.staffId !== null);
  // Live updates (unread badge) while signed in.
  useEffect(() => startLive(), []);
  const count = badgeCount(unread.value);
  const skip = (e: Event) => {
    e.preventDefault();
    document.getElementById('page-title')?.focus();
  };
  return (
    <div class="shell">
      <a class="skip" href="#main" onClick={skip}>
        {d.app.skip}
      </a>
      <header class="top">
        <span class="brand">{me.value!.business.name}</span>
        <button type="button" class="menu-button secondary" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen(!open)}>
          {d.app.menu}
        </button>
        <div class="top-tools">
          <span class="who">{fmt(d.app.signedInAs, { name: user.name || user.email })}</span>
          <LangSwitch />
          <button type="button" class="secondary" onClick={() => void signOut().then(() => (location.hash = '/login'))}>
            {d.app.signOut}
          </button>
        </div>
      </header>
      <nav id="main-nav" class={open ? 'nav open' : 'nav'} aria-label={d.app.mainNav}>
        <ul>
          {items.map((n) => (
            <li key={n.path} class={n.path === '/inbox' && count > 0 ? 'has-count' : undefined}>
              {/* The count describes the link (its name stays "Inbox"). */}
              <a href={`#${n.path}`} aria-current={path === n.path ? 'page' : undefined} aria-describedby={n.path === '/inbox' && count > 0 ? 'nav-inbox-count' : undefined}>
                {n.label(d)}
              </a>
              {n.path === '/inbox' && count > 0 && (
                <span id="nav-inbox-count" class="nav-count" title={fmt(d.inbox.live.unread, { count })}>
                  <span aria-hidden="true">{count}</span>
                  <span class="visually-hidden">{fmt(d.inbox.live.unread, { count })}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">{props.children}</main>
    </div>
  );
}
