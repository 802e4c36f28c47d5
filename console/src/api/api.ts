/**
 * Every console procedure as a function with the contract's types (contract.ts). Rejections
 * are always ApiError. tsc checks each line against the router's inferred input and output,
 * so a server change that breaks the console fails typecheck here.
 */
import type { Lang, Role, WeeklyHours } from '@frontdesk/shared';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { ConsoleRouter } from '../../../booking-service/src/api/console/router.js';
import { trpc } from './client.js';
import { toApiError } from './errors.js';
import type {
  Business,
  CalendarBooking,
  CalendarData,
  Dashboard,
  DeliveryFailures,
  KpisByChannelRows,
  GoogleStatus,
  ChannelsStatus,
  InboxConversation,
  InboxDetail,
  InboxItem,
  InboxList,
  Me,
  Outcome,
  QuoteEvaluation,
  QuoteTree,
  Service,
  Site,
  StaffMember,
  UnreadCounts,
} from './contract.js';

async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw toApiError(e);
  }
}

/** What the forms send: the router's own input types. */
type In = inferRouterInputs<ConsoleRouter>;
type Out = inferRouterOutputs<ConsoleRouter>;
export type ApiKey = Out['apiKeys']['list'][number];
export type WebhookEndpoint = Out['webhooks']['list'][number];
export type PersonHit = Out['privacy']['find'][number];
export type WebhookDelivery = Out['webhooks']['deliveries'][number];
export type WebhookUpdate = In['webhooks']['update'];
export type AssistantSettings = Out['assistant']['get'];
export type AssistantCheck = Out['assistant']['test'];
export type WebhookEventType = In['webhooks']['create']['events'][number];
export type FollowUpSettingsView = Out['followUps']['settings'];
export type Qualification = In['qualification']['save']['qualification'];
/** The chat-menu requests that may have questions of their own (before a price, before the hand-off form). */
export type QualIntent = In['qualification']['saveIntent']['intent'];
export type FollowUpSettings = In['followUps']['saveSettings'];
export type FollowUpItem = Out['followUps']['ofConversation'][number];
export type BusinessInput = In['business']['update'];
export type ServiceInput = In['services']['save'];
export type StaffInput = In['staff']['save'];
export type SiteInput = In['sites']['save'];
// Knowledge base (issue 18)
export type KbEntry = Out['knowledge']['list'][number];
export type KbUnanswered = Out['knowledge']['unanswered'][number];
export type KbEntryInput = In['knowledge']['create'];
// Waiting list (issue 17)
export type WaitlistRow = Out['waitlist']['list'][number];

export const api = {
  auth: {
    me: (): Promise<Me | null> => call(trpc.auth.me.query()),
    login: (i: { email: string; password: string }): Promise<Me> => call(trpc.auth.login.mutate(i)),
    logout: (): Promise<unknown> => call(trpc.auth.logout.mutate()),
    requestReset: (i: { email: string }): Promise<unknown> => call(trpc.auth.requestReset.mutate(i)),
    resetPassword: (i: { token: string; password: string }): Promise<unknown> => call(trpc.auth.resetPassword.mutate(i)),
    acceptInvite: (i: { token: string; password: string; name?: string }): Promise<Me> => call(trpc.auth.acceptInvite.mutate(i)),
    setLang: (i: { lang: Lang }): Promise<unknown> => call(trpc.auth.setLang.mutate(i)),
  },
  business: {
    get: (): Promise<Business> => call(trpc.business.get.query()),
    update: (i: BusinessInput): Promise<Business> => call(trpc.business.update.mutate(i)),
  },
  waitlist: {
    list: (): Promise<WaitlistRow[]> => call(trpc.waitlist.list.query()),
    remove: (i: { entryId: string }): Promise<{ removed: boolean }> => call(trpc.waitlist.remove.mutate(i)),
  },
  assistant: {
    get: (): Promise<AssistantSettings> => call(trpc.assistant.get.query()),
    save: (i: In['assistant']['save']): Promise<AssistantSettings> => call(trpc.assistant.save.mutate(i)),
    test: (i: In['assistant']['test']): Promise<AssistantCheck> => call(trpc.assistant.test.mutate(i)),
  },
  knowledge: {
    list: (): Promise<KbEntry[]> => call(trpc.knowledge.list.query()),
    create: (i: KbEntryInput): Promise<KbEntry> => call(trpc.knowledge.create.mutate(i)),
    update: (i: In['knowledge']['update']): Promise<KbEntry> => call(trpc.knowledge.update.mutate(i)),
    remove: (i: { id: string }): Promise<unknown> => call(trpc.knowledge.delete.mutate(i)),
    unanswered: (): Promise<KbUnanswered[]> => call(trpc.knowledge.unanswered.query()),
    dismiss: (i: { id: string }): Promise<{ removed: boolean }> => call(trpc.knowledge.dismiss.mutate(i)),
  },
  services: {
    list: (): Promise<Service[]> => call(trpc.services.list.query()),
    save: (i: ServiceInput): Promise<Service> => call(trpc.services.save.mutate(i)),
    archive: (i: { id: string }): Promise<unknown> => call(trpc.services.archive.mutate(i)),
  },
  staff: {
    list: (): Promise<StaffMember[]> => call(trpc.staff.list.query()),
    save: (i: StaffInput): Promise<unknown> => call(trpc.staff.save.mutate(i)),
    invite: (i: { email: string; name: string; role: Role; staffId: string | null }): Promise<unknown> => call(trpc.staff.invite.mutate(i)),
    setHours: (i: { staffId: string; weeklyHours: WeeklyHours }): Promise<unknown> => call(trpc.staff.setHours.mutate(i)),
    setDayOff: (i: { staffId: string; date: string; off: boolean }): Promise<unknown> => call(trpc.staff.setDayOff.mutate(i)),
  },
  sites: {
    list: (): Promise<Site[]> => call(trpc.sites.list.query()),
    save: (i: SiteInput): Promise<Site> => call(trpc.sites.save.mutate(i)),
    create: (i: { siteKey?: string; allowedOrigins: string[] }): Promise<Site> => call(trpc.sites.create.mutate(i)),
    allowOrigin: (i: { id: string; origin: string }): Promise<Site> => call(trpc.sites.allowOrigin.mutate(i)),
  },
  quoteTrees: {
    get: (i: { siteId: string }): Promise<{ trees: QuoteTree[] }> => call(trpc.quoteTrees.get.query(i)),
    save: (i: { siteId: string; trees: QuoteTree[] }): Promise<{ trees: QuoteTree[] }> => call(trpc.quoteTrees.save.mutate(i)),
    preview: (i: { tree: QuoteTree; answers: Record<string, string | number>; lang: Lang }): Promise<QuoteEvaluation> =>
      call(trpc.quoteTrees.preview.query(i)),
  },
  calendar: {
    list: (i: { from: string; to: string; staffId?: string }): Promise<CalendarData> => call(trpc.calendar.list.query(i)),
  },
  bookings: {
    slots: (i: { serviceId: string; staffId?: string; date: string }): Promise<{ slots: { start: string; staffId: string }[] }> =>
      call(trpc.bookings.slots.query(i)),
    create: (i: {
      serviceId: string;
      staffId: string;
      startsAt: string;
      customer: { name: string; phone?: string; email?: string };
      lang: Lang;
      note?: string;
    }): Promise<unknown> => call(trpc.bookings.create.mutate(i)),
    reschedule: (i: { bookingId: string; version?: number; startsAt: string; staffId?: string }): Promise<unknown> => call(trpc.bookings.reschedule.mutate(i)),
    cancel: (i: { bookingId: string; version?: number; reason?: string }): Promise<unknown> => call(trpc.bookings.cancel.mutate(i)),
    markAttendance: (i: { bookingId: string; status: 'attended' | 'no_show' | 'confirmed' }): Promise<unknown> => call(trpc.bookings.markAttendance.mutate(i)),
  },
  inbox: {
    list: (i: { status?: 'open' | 'claimed' | 'closed' | 'all'; channel?: InboxItem['channel'] }): Promise<InboxList> => call(trpc.inbox.list.query(i)),
    get: (i: { id: string }): Promise<InboxDetail> => call(trpc.inbox.get.query(i)),
    claim: (i: { id: string }): Promise<InboxItem> => call(trpc.inbox.claim.mutate(i)),
    reply: (i: { id: string; body: string }): Promise<InboxItem> => call(trpc.inbox.reply.mutate(i)),
    close: (i: { id: string; outcome: Outcome }): Promise<InboxItem> => call(trpc.inbox.close.mutate(i)),
    conversation: (i: { conversationId: string; after?: number }): Promise<InboxConversation> => call(trpc.inbox.conversation.query(i)),
    read: (i: { conversationId: string; seq: number }): Promise<unknown> => call(trpc.inbox.read.mutate(i)),
    unread: (): Promise<UnreadCounts> => call(trpc.inbox.unread.query()),
  },
  dashboard: {
    kpis: (i: { from: string; to: string; siteId?: string }): Promise<Dashboard> => call(trpc.dashboard.kpis.query(i)),
    byChannel: (i: { from: string; to: string; siteId?: string }): Promise<KpisByChannelRows> => call(trpc.dashboard.byChannel.query(i)),
    deliveryFailures: (): Promise<DeliveryFailures> => call(trpc.dashboard.deliveryFailures.query()),
  },
  exports: {
    csv: (i: { kind: 'bookings' | 'leads' | 'customers'; from: string; to: string; lang: 'en' | 'ru' | 'hy' }): Promise<{ filename: string; csv: string; rows: number }> => call(trpc.exports.csv.query(i)),
  },
  channels: {
    status: (): Promise<ChannelsStatus> => call(trpc.channels.status.query()),
    connectTelegram: (token: string): Promise<ChannelsStatus> => call(trpc.channels.connectTelegram.mutate({ token })),
    disconnectTelegram: (): Promise<ChannelsStatus> => call(trpc.channels.disconnectTelegram.mutate()),
    connectWhatsApp: (i: { phoneNumberId: string; accessToken: string; appSecret: string; templates: Partial<Record<'en' | 'ru' | 'hy', { code: string; reminder: string; notice: string }>> }): Promise<ChannelsStatus> =>
      call(trpc.channels.connectWhatsApp.mutate(i)),
    disconnectWhatsApp: (): Promise<ChannelsStatus> => call(trpc.channels.disconnectWhatsApp.mutate()),
  },
  apiKeys: {
    list: (): Promise<ApiKey[]> => call(trpc.apiKeys.list.query()),
    create: (i: { name: string; scope: 'read' | 'write'; rateLimitPerMinute?: number }): Promise<{ key: ApiKey; secret: string }> => call(trpc.apiKeys.create.mutate(i)),
    revoke: (i: { id: string }): Promise<ApiKey> => call(trpc.apiKeys.revoke.mutate(i)),
  },
  qualification: {
    list: (): Promise<Record<string, Qualification>> => call(trpc.qualification.list.query()),
    save: (i: In['qualification']['save']): Promise<Qualification> => call(trpc.qualification.save.mutate(i)),
    intents: (): Promise<Partial<Record<QualIntent, Qualification>>> => call(trpc.qualification.intents.query()),
    saveIntent: (i: In['qualification']['saveIntent']): Promise<Qualification> => call(trpc.qualification.saveIntent.mutate(i)),
  },
  followUps: {
    settings: (): Promise<FollowUpSettingsView> => call(trpc.followUps.settings.query()),
    saveSettings: (i: FollowUpSettings): Promise<FollowUpSettingsView> => call(trpc.followUps.saveSettings.mutate(i)),
    ofConversation: (i: { conversationId: string }): Promise<FollowUpItem[]> => call(trpc.followUps.ofConversation.query(i)),
  },
  privacy: {
    find: (i: { query: string }): Promise<PersonHit[]> => call(trpc.privacy.find.query(i)),
    export: (i: { customerId: string }): Promise<Out['privacy']['export']> => call(trpc.privacy.export.query(i)),
    erase: (i: { customerId: string }): Promise<Out['privacy']['erase']> => call(trpc.privacy.erase.mutate(i)),
  },
  webhooks: {
    eventTypes: (): Promise<WebhookEventType[]> => call(trpc.webhooks.eventTypes.query()),
    list: (): Promise<WebhookEndpoint[]> => call(trpc.webhooks.list.query()),
    create: (i: { url: string; events: WebhookEventType[]; description?: string }): Promise<WebhookEndpoint> => call(trpc.webhooks.create.mutate(i)),
    update: (i: WebhookUpdate): Promise<WebhookEndpoint> => call(trpc.webhooks.update.mutate(i)),
    remove: (i: { id: string }): Promise<unknown> => call(trpc.webhooks.remove.mutate(i)),
    deliveries: (i: { endpointId: string; before?: string }): Promise<WebhookDelivery[]> => call(trpc.webhooks.deliveries.query(i)),
    redeliver: (i: { deliveryId: string }): Promise<unknown> => call(trpc.webhooks.redeliver.mutate(i)),
    sendTest: (i: { endpointId: string }): Promise<{ deliveryId: string }> => call(trpc.webhooks.sendTest.mutate(i)),
  },
  google: {
    status: (): Promise<GoogleStatus> => call(trpc.google.status.query()),
    connectUrl: (): Promise<{ url: string }> => call(trpc.google.connectUrl.mutate()),
    chooseCalendars: (i: { busyCalendarIds: string[]; bookingCalendarId: string }): Promise<GoogleStatus> =>
      call(trpc.google.chooseCalendars.mutate(i)),
    disconnect: (): Promise<unknown> => call(trpc.google.disconnect.mutate()),
    createFeed: (): Promise<{ url: string }> => call(trpc.google.createFeed.mutate()),
    revokeFeed: (): Promise<unknown> => call(trpc.google.revokeFeed.mutate()),
  },
};

export type { CalendarBooking };
