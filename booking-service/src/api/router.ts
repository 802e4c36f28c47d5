/** The public API's table of contents. The widget imports `AppRouter` as a type only. */
import { bookingRouter } from './routers/booking.js';
import { chatRouter } from './routers/chat.js';
import { conversationRouter } from './routers/conversation.js';
import { eventsRouter } from './routers/events.js';
import { handoffRouter } from './routers/handoff.js';
import { quoteRouter } from './routers/quote.js';
import { siteRouter } from './routers/site.js';
import { slotsRouter } from './routers/slots.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  site: siteRouter,
  slots: slotsRouter,
  booking: bookingRouter,
  handoff: handoffRouter,
  quote: quoteRouter,
  chat: chatRouter,
  events: eventsRouter,
  conversation: conversationRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
