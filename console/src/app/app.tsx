/**
 * The root: waits for auth.me, then shows the signed-out pages or the signed-in frame with
 * the page for the current hash. After each navigation focus moves to the page heading, so
 * screen readers announce the new page and keyboard users start at its top.
 */
import { useEffect } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { t } from '../i18n/index.js';
import { ErrorBox, Loading, Page } from '../ui/common.js';
import { Layout, LangSwitch } from '../ui/layout.js';
import { ForgotPage, InvitePage, LoginPage, ResetPage, safeNext } from '../pages/auth.js';
import { CalendarPage } from '../pages/calendar.js';
import { InboxPage } from '../pages/inbox.js';
import { DashboardPage } from '../pages/dashboard.js';
import { BusinessPage } from '../pages/business.js';
import { ServicesPage } from '../pages/services.js';
import { StaffPage } from '../pages/staff.js';
import { SitesPage } from '../pages/sites.js';
import { QuoteTreesPage } from '../pages/quote-trees.js';
import { MyHoursPage } from '../pages/my-hours.js';
import { GoogleSettingsPage } from '../pages/google.js';
import { ChannelsPage } from '../pages/channels.js';
import { ApiKeysPage } from '../pages/api-keys.js';
import { PeoplePage } from '../pages/people.js';
import { WebhooksPage } from '../pages/webhooks.js';
import { FollowUpsPage } from '../pages/follow-ups.js';
import { KnowledgePage } from '../pages/knowledge.js';
import { AssistantPage } from '../pages/assistant.js';
import { QualificationPage } from '../pages/qualification.js';
import { WaitlistPage } from '../pages/waitlist.js';
import { navigate, route } from './router.js';
import { boot, bootError, me } from './session.js';

const PUBLIC: Record<string, FunctionComponent> = {
  '/login': LoginPage,
  '/forgot': ForgotPage,
  '/reset': ResetPage,
  '/invite': InvitePage,
};

const PRIVATE: Record<string, { page: FunctionComponent; owner?: boolean }> = {
  '/calendar': { page: CalendarPage },
  '/inbox': { page: InboxPage },
  '/dashboard': { page: DashboardPage },
  '/waitlist': { page: WaitlistPage },
  '/my-hours': { page: MyHoursPage },
  '/calendar-settings': { page: GoogleSettingsPage },
  '/settings/business': { page: BusinessPage, owner: true },
  '/settings/services': { page: ServicesPage, owner: true },
  '/settings/staff': { page: StaffPage, owner: true },
  '/settings/sites': { page: SitesPage, owner: true },
  '/settings/quote-trees': { page: QuoteTreesPage, owner: true },
  '/settings/channels': { page: ChannelsPage, owner: true },
  '/settings/api-keys': { page: ApiKeysPage, owner: true },
  '/people': { page: PeoplePage, owner: true },
  '/settings/webhooks': { page: WebhooksPage, owner: true },
  '/settings/follow-ups': { page: FollowUpsPage, owner: true },
  '/settings/knowledge': { page: KnowledgePage, owner: true },
  '/settings/qualification': { page: QualificationPage, owner: true },
  '/settings/assistant': { page: AssistantPage, owner: true },
};

function NotFound(props: { message: string }) {
  return (
    <Page title={props.message}>
      <p>
        <a href="#/calendar">{t.value.app.goHome}</a>
      </p>
    </Page>
  );
}

export function App() {
  const path = route.value.path;
  const session = me.value;
  useEffect(() => {
    void boot();
  }, []);
  // Focus the new page's heading once it rendered (not on the very first paint).
  useEffect(() => {
    const id = requestAnimationFrame(() => document.getElementById('page-title')?.focus());
    return () => cancelAnimationFrame(id);
  }, [path, session === undefined, session === null]);

  if (session === undefined) {
    return (
      <main id="main" class="boot">
        {bootError.value ? <ErrorBox error={bootError.value} retry={() => void boot()} /> : <Loading />}
      </main>
    );
  }
  if (session === null) {
    const Public = PUBLIC[path];
    if (!Public) {
      // Back to the page asked for after signing in (a bookmarked #/calendar?date=…).
      const wanted = path === '/' ? '' : `?next=${encodeURIComponent(path + (route.value.query.size ? `?${route.value.query}` : ''))}`;
      queueMicrotask(() => navigate(`/login${wanted}`));
      return null;
    }
    return (
      <div class="public">
        <header class="public-top">
          <span class="brand">{t.value.app.name}</span>
          <LangSwitch />
        </header>
        <main id="main">
          <Public />
        </main>
      </div>
    );
  }
  if (path === '/' || path === '/login') {
    // Just signed in (or a signed-in user opened #/login): where they were going, else the calendar.
    const next = safeNext(route.value.query.get('next'));
    queueMicrotask(() => navigate(next));
    return null;
  }
  const entry = PRIVATE[path];
  const Public = PUBLIC[path];
  let content;
  if (entry && entry.owner && session.user.role !== 'owner') content = <NotFound message={t.value.app.forbidden} />;
  else if (entry) content = <entry.page />;
  else if (Public) content = <Public />;
  else content = <NotFound message={t.value.app.notFound} />;
  return <Layout>{content}</Layout>;
}
