/**
 * The shapes the console renders. Answers are inferred from the console router's outputs (one
 * source of truth: a server change shows up as a type error in the pages that use it); only
 * the small input vocabularies the forms build are spelled out here.
 */
import type { IntentId, Localized } from '@frontdesk/shared';
import type { inferRouterOutputs } from '@trpc/server';
import type { ConsoleRouter } from '../../../booking-service/src/api/console/router.js';
import type { QuoteTree } from '../../../booking-service/src/domain/quote/quote-tree-schema.js';
import type { QuoteEvaluation } from '../../../booking-service/src/domain/quote/evaluate-quote.js';

export type { QuoteTree, QuoteEvaluation };

/** What each procedure answers, as JSON (dates as strings): inferred, never restated. */
type Out = inferRouterOutputs<ConsoleRouter>;
export type Me = NonNullable<Out['auth']['me']>;
export type Business = Out['business']['get'];
export type Service = Out['services']['list'][number];
export type StaffMember = Out['staff']['list'][number];

/** No label: the widget's own wording in the visitor's language. */
export type Intent = { id: IntentId; label?: Localized | undefined };

export type Site = Out['sites']['list'][number];
export type CalendarData = Out['calendar']['list'];
export type CalendarBooking = CalendarData['bookings'][number];
export type InboxList = Out['inbox']['list'];
export type InboxItem = InboxList['items'][number];
export type InboxDetail = Out['inbox']['get'];
export type InboxConversation = Out['inbox']['conversation'];
export type TranscriptMessage = InboxConversation['messages'][number];
export type UnreadCounts = Out['inbox']['unread'];
export type Temperature = InboxItem['temperature'];
export type Outcome = 'booked' | 'not_interested' | 'spam';
export type Dashboard = Out['dashboard']['kpis'];
export type KpisByChannelRows = Out['dashboard']['byChannel'];
export type DeliveryFailures = Out['dashboard']['deliveryFailures'];
export type Kpis = Dashboard['current'];
export type GoogleStatus = Out['google']['status'];
export type ChannelsStatus = Out['channels']['status'];
