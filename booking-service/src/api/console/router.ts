/**
 * The console API's table of contents (mounted at /console/trpc). The console app imports
 * `ConsoleRouter` as a type only. Every procedure except auth.* requires a session and is
 * scoped to ctx.session.businessId; owner-only ones use ownerProcedure.
 */
import { createConsoleCallerFactory, router } from './trpc.js';
import { authRouter } from './routers/auth.js';
import { businessRouter } from './routers/business.js';
import { servicesRouter } from './routers/services.js';
import { staffRouter } from './routers/staff.js';
import { sitesRouter } from './routers/sites.js';
import { quoteTreesRouter } from './routers/quote-trees.js';
import { calendarRouter } from './routers/calendar.js';
import { bookingsRouter } from './routers/bookings.js';
import { inboxRouter } from './routers/inbox.js';
import { dashboardRouter } from './routers/dashboard.js';
import { googleRouter } from './routers/google.js';
import { channelsRouter } from './routers/channels.js';
import { apiKeysRouter } from './routers/api-keys.js';
import { webhooksRouter } from './routers/webhooks.js';
import { exportsRouter } from './routers/exports.js';
import { followUpsRouter } from './routers/follow-ups.js';
import { privacyRouter } from './routers/privacy.js';
import { qualificationRouter } from './routers/qualification.js';
import { knowledgeRouter } from './routers/knowledge.js';
import { assistantRouter } from './routers/assistant.js';
import { waitlistRouter } from './routers/waitlist.js';

export const consoleRouter = router({
  auth: authRouter,
  business: businessRouter,
  services: servicesRouter,
  staff: staffRouter,
  sites: sitesRouter,
  quoteTrees: quoteTreesRouter,
  calendar: calendarRouter,
  bookings: bookingsRouter,
  inbox: inboxRouter,
  dashboard: dashboardRouter,
  google: googleRouter,
  channels: channelsRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  exports: exportsRouter,
  followUps: followUpsRouter,
  privacy: privacyRouter,
  qualification: qualificationRouter,
  knowledge: knowledgeRouter,
  waitlist: waitlistRouter,
  assistant: assistantRouter,
});

export type ConsoleRouter = typeof consoleRouter;
export const createConsoleCaller = createConsoleCallerFactory(consoleRouter);
