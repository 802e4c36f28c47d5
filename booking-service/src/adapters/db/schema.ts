/**
 * The one schema for both the embedded database (PGlite) and PostgreSQL.
 * Every tenant-owned table carries `business_id`; queries always filter by it.
 * The no-double-booking guarantee is the exclusion constraint in the custom migration
 * `drizzle/0001_booking_exclusion.sql` (drizzle-kit cannot express EXCLUDE constraints).
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import type {
  BookingChannel,
  BookingStatus,
  ConversationChannel,
  EventKind,
  HandoffOutcome,
  IntentId,
  Lang,
  LeadTemperature,
  Localized,
  Role,
  TimeRange,
  WeeklyHours,
} from '@frontdesk/shared';
import type { PriceSnapshot } from '../../domain/booking/price.js';

/*
 * The vocabulary types live in @frontdesk/shared; these re-exports keep code written against the
 * schema compiling while other branches land, and go once everything imports the package.
 */
/** @deprecated import `Lang` from '@frontdesk/shared' */
export type { Lang };
/** @deprecated import `Localized` from '@frontdesk/shared' */
export type { Localized };
/** @deprecated import `TimeRange` from '@frontdesk/shared' */
export type TimeRangeJson = TimeRange;
/** @deprecated import `WeeklyHours` from '@frontdesk/shared' */
export type WeeklyHoursJson = WeeklyHours;
/** @deprecated import `BookingChannel` from '@frontdesk/shared' */
export type Channel = BookingChannel;
/** @deprecated import these from '@frontdesk/shared' */
export type { BookingStatus, EventKind, HandoffOutcome, LeadTemperature, Role };

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const businesses = pgTable('businesses', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  address: text('address').notNull().default(''),
  phone: text('phone'),
  timeZone: text('time_zone').notNull(),
  currency: text('currency').notNull(),
  defaultLang: text('default_lang').$type<Lang>().notNull(),
  languages: jsonb('languages').$type<Lang[]>().notNull(),
  openingHours: jsonb('opening_hours').$type<WeeklyHours>().notNull(),
  /** Minutes before a slot after which it can no longer be booked online. */
  minNoticeMin: integer('min_notice_min').notNull().default(120),
  horizonDays: integer('horizon_days').notNull().default(60),
  slotStepMin: integer('slot_step_min').notNull().default(15),
  holdMinutes: integer('hold_minutes').notNull().default(10),
  /** Cancelling/rescheduling online is allowed until this many minutes before the start. */
  cancellationWindowMin: integer('cancellation_window_min').notNull().default(120),
  whatToBring: jsonb('what_to_bring').$type<Localized>(),
  /** Minutes before the start at which visitors get a reminder (24 h and 2 h; add 10 for the optional one). */
  reminderLeadsMin: jsonb('reminder_leads_min').$type<number[]>().notNull().default([1440, 120]),
  /** Send a "how was it" message after an attended appointment. */
  feedbackEnabled: boolean('feedback_enabled').notNull().default(false),
  /** Where staff notifications (new booking, reschedule, cancel, hand-off) go; null = none sent. */
  notifyEmail: text('notify_email'),
  /** Conversation transcripts are purged this many days after the conversation's last activity. */
  transcriptRetentionDays: integer('transcript_retention_days').notNull().default(365),
  /** Follow-up settings (domain/follow-ups/settings.ts, read with readFollowUpSettings); null = the defaults. */
  followUps: jsonb('follow_ups').$type<Record<string, unknown>>(),
  /**
   * The owner's choice: a no-show gives the rest of its time back to the calendar. Off by default:
   * the no-show stays as history and keeps its range (it is in the past, so it never blocks a future slot).
   */
  noShowFreesSlot: boolean('no_show_frees_slot').notNull().default(false),
  /**
   * No empty windows: slot searches also offer the time right after a booking (plus the service's
   * buffer) when the step grid would leave a gap too short for the service (domain/availability/
   * gap-fillers.ts). On by default.
   */
  fillGaps: boolean('fill_gaps').notNull().default(true),
  /**
   * SLA targets in working (opening-hours) minutes by lead temperature (issue 17, Business page):
   * hot 5 min, warm 1 h, cold 24 h by default; the database keeps 1 ≤ hot ≤ warm ≤ cold ≤ 7 days.
   */
  slaHotMin: integer('sla_hot_min').notNull().default(5),
  slaWarmMin: integer('sla_warm_min').notNull().default(60),
  slaColdMin: integer('sla_cold_min').notNull().default(1440),
  /**
   * Release unconfirmed slots (issue 17, Business page): a booking whose client was asked to
   * confirm and has not, this many hours before its start, is cancelled and its time offered
   * again (services/reconfirm/release.ts). Null = off (the default); the database keeps 1…72.
   */
  releaseUnconfirmedHours: integer('release_unconfirmed_hours'),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

/**
 * Days the business is closed (holidays, a day off for everyone), local dates in the business's zone,
 * both ends included. The availability engine offers no slot on them, whatever anyone's hours say.
 */
export const businessClosures = pgTable(
  'business_closures',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** What the owner called it ("New Year"), shown in the console only. */
    note: text('note').notNull().default(''),
  },
  (t) => [index('business_closures_business_idx').on(t.businessId, t.endsOn)],
);

export const sites = pgTable('sites', {
  id: text('id').primaryKey(),
  businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
  siteKey: text('site_key').notNull().unique(),
  /** Exact origins (`https://salon.example`) or loopback patterns with a port wildcard (`http://localhost:*`). */
  allowedOrigins: jsonb('allowed_origins').$type<string[]>().notNull(),
  widget: jsonb('widget').$type<WidgetConfigJson>().notNull(),
});

/**
 * Browsers that asked for a site's widget from an origin the site does not allow, counted per
 * local day of the business (console: "refused 12 times today from https://…" with "allow").
 * At most 20 origins per site and day (services/refused-origins.ts), kept a week.
 */
export const refusedOrigins = pgTable(
  'refused_origins',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    origin: text('origin').notNull(),
    count: integer('count').notNull().default(1),
    lastAt: tstz('last_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.day, t.origin] })],
);

export interface WidgetConfigJson {
  color: string;
  position: 'right' | 'left';
  greeting: Localized;
  intents: Array<{ id: IntentId; label?: Localized }>;
  /** Quote trees, validated by the quote tree schema when written. */
  quoteTrees: unknown[];
}

export const services = pgTable(
  'services',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    names: jsonb('names').$type<Localized>().notNull(),
    descriptions: jsonb('descriptions').$type<Localized>(),
    durationMin: integer('duration_min').notNull(),
    bufferBeforeMin: integer('buffer_before_min').notNull().default(0),
    bufferAfterMin: integer('buffer_after_min').notNull().default(0),
    /** Prices in the currency's major unit (RUB, AMD, USD); priceMax null = fixed price. */
    priceMin: integer('price_min').notNull(),
    priceMax: integer('price_max'),
    currency: text('currency').notNull(),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('services_business_idx').on(t.businessId)],
);

export const staff = pgTable(
  'staff',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Null = the business's zone. */
    timeZone: text('time_zone'),
    weeklyHours: jsonb('weekly_hours').$type<WeeklyHours>().notNull(),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('staff_business_idx').on(t.businessId)],
);

export const serviceStaff = pgTable(
  'service_staff',
  {
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    serviceId: text('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
    staffId: text('staff_id').notNull().references(() => staff.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.staffId] })],
);

export const staffExceptions = pgTable(
  'staff_exceptions',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    staffId: text('staff_id').notNull().references(() => staff.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').$type<'off' | 'extra'>().notNull(),
    intervals: jsonb('intervals').$type<TimeRange[]>(),
  },
  (t) => [index('staff_exceptions_staff_date_idx').on(t.staffId, t.date)],
);

export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    lang: text('lang').$type<Lang>().notNull(),
    /** Where booking messages reach them (issue 16): where they booked or what they linked; null = e-mail, or SMS for a phone only. */
    preferredChannel: text('preferred_channel').$type<'telegram' | 'whatsapp' | 'sms' | 'email'>(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('customers_business_idx').on(t.businessId)],
);

/**
 * Holds and bookings are one table: a hold is a booking row in status `held` with an expiry,
 * so the same exclusion constraint protects both and confirming a hold is an UPDATE of the
 * row that already owns the time range (no second check that a race could slip between).
 */
export const bookings = pgTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    siteId: text('site_id').references(() => sites.id, { onDelete: 'set null' }),
    serviceId: text('service_id').notNull().references(() => services.id),
    staffId: text('staff_id').notNull().references(() => staff.id),
    customerId: text('customer_id').references(() => customers.id),
    status: text('status').$type<BookingStatus>().notNull(),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    /** [startsAt − bufferBefore, endsAt + bufferAfter): the range the exclusion constraint guards. */
    occupiedFrom: tstz('occupied_from').notNull(),
    occupiedTo: tstz('occupied_to').notNull(),
    holdExpiresAt: tstz('hold_expires_at'),
    /** sha256 of the hold token; the token itself is only ever known to the visitor. */
    holdTokenHash: text('hold_token_hash'),
    idempotencyKey: text('idempotency_key'),
    lang: text('lang').$type<Lang>(),
    note: text('note'),
    /** Bumped on every reschedule: calendar files use it as SEQUENCE, tokens and jobs as version. */
    version: integer('version').notNull().default(0),
    cancelReason: text('cancel_reason'),
    /** Set when the visitor pressed "confirm" in a reminder (feeds the no-show KPI). */
    visitorConfirmedAt: tstz('visitor_confirmed_at'),
    /** Where the booking came from: the widget, or staff entering a phone client in the console. */
    channel: text('channel').$type<BookingChannel>().notNull().default('widget'),
    /** The console user who created it (phone bookings); null for the widget. */
    createdByUserId: text('created_by_user_id'),
    /** The widget conversation that led to it (joins bookings to KPI events). */
    conversationId: text('conversation_id'),
    /** The price agreed at booking time (quote or service price), a snapshot; null on rows made before it existed. */
    price: jsonb('price').$type<PriceSnapshot>(),
    /**
     * A no-show whose range no longer blocks the calendar (the business chose so when it was marked);
     * the exclusion constraint and the slot search skip such rows. Undoing the mark sets it back.
     */
    released: boolean('released').notNull().default(false),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bookings_hold_token_idx').on(t.holdTokenHash),
    uniqueIndex('bookings_idempotency_idx').on(t.businessId, t.idempotencyKey),
    index('bookings_staff_range_idx').on(t.businessId, t.staffId, t.occupiedTo),
    index('bookings_status_start_idx').on(t.status, t.startsAt),
    // Lets the hold sweeper find expired holds without scanning bookings.
    index('bookings_expired_holds_idx').on(t.holdExpiresAt).where(sql`status = 'held'`),
  ],
);

export const handoffs = pgTable(
  'handoffs',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    siteId: text('site_id').references(() => sites.id, { onDelete: 'set null' }),
    message: text('message').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    lang: text('lang').$type<Lang>().notNull(),
    intent: text('intent'),
    summary: text('summary'),
    status: text('status').$type<'open' | 'claimed' | 'closed'>().notNull().default('open'),
    expectedReplyBy: tstz('expected_reply_by').notNull(),
    /** hot (answer in 5 min) | warm (≤ 1 h) | cold (≤ 24 h), working minutes: PRODUCT.md's SLA tiers. */
    temperature: text('temperature').$type<LeadTemperature>().notNull().default('warm'),
    /** Qualification score 0–100 (what the visitor told us: intent, quote, contact, urgency). */
    score: integer('score').notNull().default(0),
    /** The widget conversation it came from (joins to KPI events). */
    conversationId: text('conversation_id'),
    claimedByUserId: text('claimed_by_user_id'),
    claimedAt: tstz('claimed_at'),
    /** First reply by a person: stops the SLA clock. */
    firstReplyAt: tstz('first_reply_at'),
    closedAt: tstz('closed_at'),
    outcome: text('outcome').$type<HandoffOutcome>(),
    /** Set when the SLA was breached and the owner told; shown as overdue. */
    escalatedAt: tstz('escalated_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    /** The assistant's one-paragraph summary for staff, written by a job after the hand-off (migration 0029); null = none. */
    aiSummary: text('ai_summary'),
  },
  (t) => [
    index('handoffs_business_created_idx').on(t.businessId, t.createdAt),
    index('handoffs_open_due_idx').on(t.expectedReplyBy).where(sql`first_reply_at IS NULL AND status <> 'closed'`),
  ],
);

/** Replies staff send from the console inbox (e-mailed to the visitor by a job). */
export const handoffReplies = pgTable(
  'handoff_replies',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    handoffId: text('handoff_id').notNull().references(() => handoffs.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    body: text('body').notNull(),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [index('handoff_replies_handoff_idx').on(t.handoffId, t.createdAt)],
);

/** Process-independent settings, e.g. the token-signing secret when APP_SECRET is not set. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Durable jobs (sending mail, reminders). Inserted in the same transaction as the booking
 * change that causes them; claimed with FOR UPDATE SKIP LOCKED and a lease (see src/adapters/job-queue/queue.ts).
 * pg-boss is not used: its fetch compares `start_after < now()` in the database, so the
 * injected clock could not drive reminders, and PGlite would need a custom executor.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** The booking the job is about: deleting the booking deletes its jobs. */
    bookingId: text('booking_id').references(() => bookings.id, { onDelete: 'cascade' }),
    handoffId: text('handoff_id').references(() => handoffs.id, { onDelete: 'cascade' }),
    runAt: tstz('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(12),
    lockedUntil: tstz('locked_until'),
    lockedBy: text('locked_by'),
    doneAt: tstz('done_at'),
    /** 'sent' | 'skipped:<why>' | 'superseded' | 'failed' — why the job stopped. */
    outcome: text('outcome'),
    lastError: text('last_error'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('jobs_due_idx').on(t.runAt).where(sql`done_at IS NULL`),
    index('jobs_booking_idx').on(t.bookingId),
  ],
);

/**
 * One row per message that went out: the idempotency record. Written in the transaction
 * that marks the job done, keyed by what the message is about, so a retry never sends twice.
 */
export const sentMessages = pgTable(
  'sent_messages',
  {
    subjectId: text('subject_id').notNull(),
    /** e.g. 'booking_confirmed', 'reminder_1440', 'staff_cancelled'. */
    kind: text('kind').notNull(),
    /** The booking version the message describes. */
    version: integer('version').notNull(),
    messageId: text('message_id').notNull(),
    recipient: text('recipient').notNull(),
    sentAt: tstz('sent_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subjectId, t.kind, t.version] }),
    // An SMS reply finds the text it answers by the sender's digits (issue 16, services/channels/sms-inbound.ts).
    index('sent_messages_sms_phone_idx').on(sql`regexp_replace(${t.recipient}, '\D', '', 'g')`, t.sentAt).where(sql`${t.kind} LIKE 'sms:%'`),
    // A text answering a follow-up's SMS finds its conversation the same way (migration 0034).
    index('sent_messages_followup_sms_phone_idx').on(sql`regexp_replace(${t.recipient}, '\D', '', 'g')`, t.sentAt).where(sql`${t.kind} = 'followup_sms'`),
  ],
);

/** Mail kept in the database when no SMTP server is configured; the demo's /mailbox shows it. */
export const outbox = pgTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id').notNull().unique(),
    from: text('from_addr').notNull(),
    to: text('to_addr').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    ics: text('ics'),
    /** Where the recipient's answer goes (the business's address on inbox replies). */
    replyTo: text('reply_to'),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [index('outbox_created_idx').on(t.createdAt)],
);

/**
 * A staff member's Google Calendar connection (issue 5). The refresh token is sealed with
 * AES-256-GCM (src/adapters/google/token-cipher.ts); `broken` means Google refused the grant
 * (`invalid_grant`): availability then ignores the external busy times until reconnected.
 */
export const googleConnections = pgTable('google_connections', {
  staffId: text('staff_id').primaryKey().references(() => staff.id, { onDelete: 'cascade' }),
  businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
  refreshTokenSealed: text('refresh_token_sealed').notNull(),
  /** Calendars whose events make the staff member busy. */
  busyCalendarIds: jsonb('busy_calendar_ids').$type<string[]>().notNull(),
  /** The calendar that receives one event per booking. */
  bookingCalendarId: text('booking_calendar_id').notNull(),
  status: text('status').$type<'ok' | 'broken'>().notNull().default('ok'),
  brokenReason: text('broken_reason'),
  brokenAt: tstz('broken_at'),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

/** Incremental-sync state and push channel of one busy calendar of one connection. */
export const googleCalendarSyncs = pgTable(
  'google_calendar_syncs',
  {
    staffId: text('staff_id').notNull().references(() => googleConnections.staffId, { onDelete: 'cascade' }),
    calendarId: text('calendar_id').notNull(),
    syncToken: text('sync_token'),
    lastFullSyncAt: tstz('last_full_sync_at'),
    lastSyncedAt: tstz('last_synced_at'),
    channelId: text('channel_id'),
    /** sha256 of the channel token Google echoes in X-Goog-Channel-Token. */
    channelTokenHash: text('channel_token_hash'),
    channelResourceId: text('channel_resource_id'),
    channelExpiresAt: tstz('channel_expires_at'),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.calendarId] }), uniqueIndex('google_calendar_syncs_channel_idx').on(t.channelId)],
);

/** Busy intervals read from Google: what availability adds to Frontdesk's own bookings. */
export const externalBusy = pgTable(
  'external_busy',
  {
    staffId: text('staff_id').notNull().references(() => googleConnections.staffId, { onDelete: 'cascade' }),
    calendarId: text('calendar_id').notNull(),
    /** Google event id (recurring instances carry their own `<id>_<start>` ids). */
    eventId: text('event_id').notNull(),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.calendarId, t.eventId] }), index('external_busy_staff_end_idx').on(t.staffId, t.endsAt)],
);

/** The Google event written for a booking, and which booking version it shows. */
export const bookingCalendarEvents = pgTable('booking_calendar_events', {
  bookingId: text('booking_id').primaryKey().references(() => bookings.id, { onDelete: 'cascade' }),
  staffId: text('staff_id').notNull(),
  calendarId: text('calendar_id').notNull(),
  eventId: text('event_id').notNull(),
  /** Booking version the event shows; -1 forces a rewrite (e.g. a move in Google was refused). */
  writtenVersion: integer('written_version').notNull(),
  state: text('state').$type<'live' | 'deleted'>().notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

/** Private iCalendar feed of a staff member's bookings; revoking deletes the row. */
export const staffCalendarFeeds = pgTable('staff_calendar_feeds', {
  staffId: text('staff_id').primaryKey().references(() => staff.id, { onDelete: 'cascade' }),
  /** sha256 of the secret in the feed URL. */
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: tstz('created_at').notNull(),
});

/**
 * Console accounts. An e-mail signs in to one business. `passwordHash` is argon2id (PHC string);
 * null until an invited user sets a password. Staff users are linked to their staff row.
 */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    /** Stored lower-cased and trimmed. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    staffId: text('staff_id').references(() => staff.id, { onDelete: 'set null' }),
    passwordHash: text('password_hash'),
    lang: text('lang').$type<Lang>().notNull().default('en'),
    active: boolean('active').notNull().default(true),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_idx').on(t.email), index('users_business_idx').on(t.businessId)],
);

/** Console sessions: the cookie holds a random token, the table its sha256. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** Sent back by the console in a header on every mutation (CSRF: synchroniser token). */
    csrfToken: text('csrf_token').notNull(),
    createdAt: tstz('created_at').notNull(),
    lastSeenAt: tstz('last_seen_at').notNull(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Single-use e-mailed tokens: password reset and staff invitations (sha256 stored). */
export const authTokens = pgTable('auth_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  purpose: text('purpose').$type<'reset' | 'invite'>().notNull(),
  expiresAt: tstz('expires_at').notNull(),
  usedAt: tstz('used_at'),
  createdAt: tstz('created_at').notNull(),
});

/**
 * What happened, append-only: the KPI dashboard is SQL over this table. Written in the same
 * transaction as the change it records (a booking and its `booking_made` commit together).
 */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    siteId: text('site_id'),
    kind: text('kind').$type<EventKind>().notNull(),
    at: tstz('at').notNull(),
    /** The widget conversation (random id the widget keeps per page visit); null for console actions. */
    conversationId: text('conversation_id'),
    /** Where it happened: a booking channel, or the messenger of a conversation (KPIs by channel). */
    channel: text('channel').$type<BookingChannel | ConversationChannel>().notNull().default('widget'),
    intent: text('intent'),
    bookingId: text('booking_id'),
    handoffId: text('handoff_id'),
    /** A duration the event measures, e.g. the response time of a bot reply or first human reply. */
    valueMs: integer('value_ms'),
    meta: jsonb('meta').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('events_business_kind_at_idx').on(t.businessId, t.kind, t.at),
    index('events_conversation_idx').on(t.conversationId),
    // Staff are told once per (booking, message, version, channel) that a message went nowhere (migration 0026).
    uniqueIndex('events_notice_failed_once_idx').on(t.bookingId, sql`(${t.meta}->>'message')`, sql`(${t.meta}->>'version')`, t.channel).where(sql`${t.kind} = 'notice_failed'`),
  ],
);

/**
 * A conversation held on the server (issue 13): one per visitor thread, whatever the channel.
 * The engine's state lives in `state` (its own versioned JSON, see domain/conversation); every
 * turn is a conditional update on `version`, so two tabs sending at once cannot interleave.
 * Contact details are copied here only once the visitor consented (`consentAt`).
 */
export const conversations = pgTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    siteId: text('site_id').references(() => sites.id, { onDelete: 'set null' }),
    channel: text('channel').$type<ConversationChannel>().notNull().default('widget'),
    /** The channel's own id for the thread (Telegram chat id, WhatsApp number); null on the widget. */
    externalRef: text('external_ref'),
    /** sha256 of the secret the widget keeps to resume the conversation. */
    tokenHash: text('token_hash').notNull(),
    lang: text('lang').$type<Lang>().notNull(),
    status: text('status').$type<'bot' | 'waiting' | 'live' | 'closed'>().notNull().default('bot'),
    /** The engine's state (domain/conversation): opaque to everything else. */
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    /** Bumped on every change of the row; writes are conditional on the version read. */
    version: integer('version').notNull().default(0),
    /** The last transcript seq written (messages are numbered 1, 2, 3… per conversation). */
    seq: integer('seq').notNull().default(0),
    /** The last seq staff have seen in the console (unread = seq − staffReadSeq of visitor messages). */
    staffReadSeq: integer('staff_read_seq').notNull().default(0),
    /** The last seq shown to the visitor (a turn's answer, a resume, a push stream): staff replies after it are unseen. */
    visitorSeenSeq: integer('visitor_seen_seq').notNull().default(0),
    /** The last staff reply already e-mailed to the visitor (the e-mail fallback sends each reply once). */
    staffMailedSeq: integer('staff_mailed_seq').notNull().default(0),
    source: jsonb('source').$type<{ url?: string; referrer?: string; utm?: Record<string, string> }>(),
    intent: text('intent'),
    customerId: text('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    consentAt: tstz('consent_at'),
    outcome: text('outcome').$type<'booked' | 'handed_off' | 'lost' | 'not_interested'>(),
    outcomeAt: tstz('outcome_at'),
    lastVisitorAt: tstz('last_visitor_at'),
    lastStaffAt: tstz('last_staff_at'),
    /** Transcript retention: the row and its messages are purged after this instant. */
    purgeAfter: tstz('purge_after'),
    /**
     * Follow-ups may be open (scheduled, or sent and unanswered): set by the turn that plans them,
     * cleared by the turn that settles them, in its claiming UPDATE (services/follow-ups/schedule.ts).
     * false = the turn skips the follow-up statements (0030).
     */
    followUpsOpen: boolean('follow_ups_open').notNull().default(true),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    index('conversations_business_updated_idx').on(t.businessId, t.updatedAt),
    uniqueIndex('conversations_external_idx').on(t.businessId, t.channel, t.externalRef),
    index('conversations_purge_idx').on(t.purgeAfter),
  ],
);

/** The transcript: append-only, numbered per conversation. */
export const conversationMessages = pgTable(
  'conversation_messages',
  {
    conversationId: text('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    from: text('from_party').$type<'bot' | 'visitor' | 'staff' | 'system'>().notNull(),
    text: text('text').notNull(),
    /** A rich attachment (booking, quote, hand-off card): the protocol's `Card`. */
    card: jsonb('card').$type<Record<string, unknown>>(),
    /** Staff replies: the console user who wrote it. */
    authorUserId: text('author_user_id'),
    at: tstz('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.seq] }),
    index('conversation_messages_business_at_idx').on(t.businessId, t.at),
    // Which conversations showed a booking (its cards): the booking-card push reads them (0024).
    index('conversation_messages_booking_idx').on(t.businessId, sql`(${t.card}->>'bookingId')`).where(sql`${t.card}->>'kind' = 'booking'`),
  ],
);

/**
 * A lead: a conversation that left a contact (with consent). One per conversation; the person is
 * the customer it is matched to (by verified phone or e-mail), so a returning visitor is one customer.
 */
export const leads = pgTable(
  'leads',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id').notNull().unique().references(() => conversations.id, { onDelete: 'cascade' }),
    customerId: text('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    lang: text('lang').$type<Lang>().notNull(),
    channel: text('channel').$type<ConversationChannel>().notNull().default('widget'),
    source: jsonb('source').$type<{ url?: string; referrer?: string; utm?: Record<string, string> }>(),
    intent: text('intent'),
    /** The last quote given: `{ treeId, price, summary }` (the agreed-price shape). */
    quote: jsonb('quote').$type<Record<string, unknown>>(),
    /** Qualification answers and score (issue 17 fills the answers; the score exists now). */
    qualification: jsonb('qualification').$type<Record<string, unknown>>(),
    score: integer('score').notNull().default(0),
    temperature: text('temperature').$type<LeadTemperature>().notNull().default('warm'),
    outcome: text('outcome').$type<'booked' | 'handed_off' | 'lost' | 'not_interested'>(),
    consentAt: tstz('consent_at').notNull(),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [index('leads_business_created_idx').on(t.businessId, t.createdAt), index('leads_customer_idx').on(t.customerId)],
);

/**
 * One-time codes for "my booking" from any browser (the chat, the find-my-booking page). The code
 * itself is only ever in the e-mail: the row keeps its HMAC. Rate limits count rows per contact
 * (by hash, so nothing is kept about a contact that has no bookings) and per conversation.
 */
export const lookupCodes = pgTable(
  'lookup_codes',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    /** The conversation that asked; null for the find-my-booking page. */
    conversationId: text('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    /** sha256 of the normalised phone or e-mail the code was asked for. */
    contactHash: text('contact_hash').notNull(),
    /** HMAC-SHA256(app secret, id + code). */
    codeHash: text('code_hash').notNull(),
    /** Customers whose bookings the code opens once verified (found when it was asked for; may be none). */
    customerIds: jsonb('customer_ids').$type<string[]>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [index('lookup_codes_contact_idx').on(t.businessId, t.contactHash, t.createdAt), index('lookup_codes_created_idx').on(t.createdAt)],
);

/**
 * A business's connection to a messenger or SMS provider (issue 16): one per business and
 * channel. The credential (Telegram bot token, WhatsApp access token, SMS API key) is sealed with
 * AES-256-GCM like Google refresh tokens (`secret_sealed`, the connection id as associated data);
 * `config` holds what is not secret (bot username, phone number id, template names…).
 */
export const channelConnections = pgTable(
  'channel_connections',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    /** The site whose engine context (services, quote trees) the channel's conversations use. */
    siteId: text('site_id').references(() => sites.id, { onDelete: 'set null' }),
    channel: text('channel').$type<Exclude<ConversationChannel, 'widget' | 'email'>>().notNull(),
    status: text('status').$type<'ok' | 'broken'>().notNull().default('ok'),
    brokenReason: text('broken_reason'),
    config: jsonb('config').$type<Record<string, string>>().notNull(),
    secretSealed: text('secret_sealed').notNull(),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [uniqueIndex('channel_connections_business_channel_idx').on(t.businessId, t.channel)],
);

/**
 * Inbound updates already played (Telegram update_id, WhatsApp message id): written in the
 * transaction of the turn they caused, so a redelivered update changes nothing.
 */
export const channelUpdates = pgTable(
  'channel_updates',
  {
    connectionId: text('connection_id').notNull().references(() => channelConnections.id, { onDelete: 'cascade' }),
    updateKey: text('update_key').notNull(),
    receivedAt: tstz('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.updateKey] }), index('channel_updates_received_idx').on(t.receivedAt)],
);

/**
 * How far a messenger conversation's transcript has been sent to the client's chat: bot answers
 * and staff replies alike go out through one cursor, so each message is sent once and in order.
 */
export const channelDeliveries = pgTable('channel_deliveries', {
  conversationId: text('conversation_id').primaryKey().references(() => conversations.id, { onDelete: 'cascade' }),
  deliveredSeq: integer('delivered_seq').notNull().default(0),
  updatedAt: tstz('updated_at').notNull(),
});

/**
 * API keys of the REST API (/api/v1, issue 15): one business each, named and scoped by the owner.
 * The secret is shown once; only its sha256 is kept (a 32-byte random secret needs no slow hash).
 * A revoked key stays, so the console can show who used what; it never authenticates again.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    /** Public part of the key (`fdk_<id>_<secret>`): finds the row without scanning hashes. */
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scope: text('scope').$type<'read' | 'write'>().notNull(),
    secretHash: text('secret_hash').notNull(),
    /** Requests per minute this key may make (its own limit, counted in the rate-limit store). */
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(120),
    createdByUserId: text('created_by_user_id'),
    createdAt: tstz('created_at').notNull(),
    lastUsedAt: tstz('last_used_at'),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [index('api_keys_business_idx').on(t.businessId)],
);

/**
 * Idempotency-Key records of the REST API's creates: the first request with a key claims it,
 * a retry with the same key and body gets the stored answer, a different body is refused.
 */
export const apiIdempotency = pgTable(
  'api_idempotency',
  {
    apiKeyId: text('api_key_id').notNull().references(() => apiKeys.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** sha256 of method, path and body: the same key with another request is a client bug. */
    requestHash: text('request_hash').notNull(),
    /** Null while the first request is still running. */
    status: integer('status'),
    body: jsonb('body').$type<unknown>(),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] })],
);

/**
 * Outbound webhook endpoints (issue 15): where a business wants its events POSTed, signed per
 * Standard Webhooks with `secret` (`whsec_…`, kept to sign; shown to the owner, who configures
 * the receiver with it). Disabled by the delivery job when deliveries keep failing for a day.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** Event types sent here, e.g. ['booking.created', 'lead.created']. */
    events: jsonb('events').$type<string[]>().notNull(),
    secret: text('secret').notNull(),
    active: boolean('active').notNull().default(true),
    disabledReason: text('disabled_reason'),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [index('webhook_endpoints_business_idx').on(t.businessId)],
);

/**
 * One message to one endpoint: written in the transaction of the change it reports (with its
 * job), so it exists exactly when the change committed. `id` is the stable webhook-id receivers
 * de-duplicate on; `seq` orders the messages about one subject (`orderKey`: a booking, a hand-off,
 * a lead) so they arrive in order. The last attempt's outcome is the delivery log's row.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    endpointId: text('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    orderKey: text('order_key'),
    /** The exact body sent (the Standard Webhooks envelope: type, timestamp, data). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<'pending' | 'delivered' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastDurationMs: integer('last_duration_ms'),
    lastError: text('last_error'),
    lastAttemptAt: tstz('last_attempt_at'),
    nextAttemptAt: tstz('next_attempt_at'),
    /** Retries stop after this (a day and a bit after the event or the owner's "resend"). */
    retryUntil: tstz('retry_until').notNull(),
    deliveredAt: tstz('delivered_at'),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.seq),
    index('webhook_deliveries_order_idx').on(t.endpointId, t.orderKey, t.seq).where(sql`status = 'pending'`),
  ],
);

/**
 * Short links for SMS (issue 16): a message must fit one segment, and a signed manage link does
 * not. `/l/<code>` redirects to the full link; the code is 10 random base62 characters (~59 bits),
 * as hard to guess as a capability should be.
 */
export const shortLinks = pgTable('short_links', {
  code: text('code').primaryKey(),
  businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
  target: text('target').notNull(),
  createdAt: tstz('created_at').notNull(),
});

/**
 * Follow-ups of a lead (issue 17; domain/follow-ups/plan.ts): one row per planned message, written
 * in the transaction of the visitor's turn that planned it, together with its `followup.send` job.
 * The status moves once: scheduled → sent (in the transaction that appends it to the transcript),
 * or → cancelled (the visitor wrote, booked, opted out) / skipped (the job found it no longer
 * wanted). `answered_at`: the visitor came back after it was sent (the reactivation rate).
 */
export const followUps = pgTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    sequence: text('sequence').$type<'nudge' | 'quote' | 'silent'>().notNull(),
    step: integer('step').notNull(),
    /** The visitor's activity it follows (a reply after this cancels it). */
    scheduledAt: tstz('scheduled_at').notNull(),
    dueAt: tstz('due_at').notNull(),
    status: text('status').$type<'scheduled' | 'sent' | 'cancelled' | 'skipped'>().notNull(),
    /** Why cancelled or skipped (replied, booked, not_interested, with_staff, off, no_contact…). */
    reason: text('reason'),
    /** How it went: 'email' or the messenger ('telegram'…); null until sent. */
    via: text('via'),
    sentAt: tstz('sent_at'),
    answeredAt: tstz('answered_at'),
  },
  (t) => [index('follow_ups_conversation_idx').on(t.conversationId, t.status), index('follow_ups_business_due_idx').on(t.businessId, t.dueAt)],
);

/**
 * Texts clients sent to the SMS provider's number (issue 16): a reminder's "1" / "2" and anything
 * else. One row per provider message id, written before it is acted on, so a redelivered webhook
 * changes nothing; `answer` says what it did (confirm, reschedule link, help, no booking, too late).
 */
export const smsInbound = pgTable(
  'sms_inbound',
  {
    provider: text('provider').notNull(),
    messageId: text('message_id').notNull(),
    /** The sender's digits. */
    phone: text('phone').notNull(),
    bookingId: text('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    /** 'message': a text for the business's people, put into the conversation and the inbox (migration 0034). */
    answer: text('answer').$type<'confirm' | 'reschedule' | 'help' | 'none' | 'not_now' | 'message'>().notNull(),
    receivedAt: tstz('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.messageId] }),
    index('sms_inbound_received_idx').on(t.receivedAt),
    check('sms_inbound_answer_check', sql`${t.answer} IN ('confirm', 'reschedule', 'help', 'none', 'not_now', 'message')`),
  ],
);

/**
 * "Get reminders in Telegram" (issue 16; services/channels/telegram-start.ts): the single-use
 * start parameter of a t.me deep link offered on the widget's booking card and in the
 * confirmation e-mail. Only its sha256 is kept; it names the booking and customer it links,
 * expires at the booking's end, and is spent by one conditional UPDATE (`used_at`, `used_chat`:
 * both set or neither).
 */
export const telegramStartTokens = pgTable(
  'telegram_start_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    bookingId: text('booking_id').notNull().references(() => bookings.id, { onDelete: 'cascade' }),
    customerId: text('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    /** The Telegram chat that spent it. */
    usedChat: text('used_chat'),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    index('telegram_start_tokens_expires_idx').on(t.expiresAt),
    check('telegram_start_tokens_used_chk', sql`(${t.usedAt} IS NULL) = (${t.usedChat} IS NULL)`),
  ],
);

// ---- Qualification (issue 17, migration 0014) ----

/**
 * The owner's qualification questions of one service (domain/qualification): at most 5 (checked
 * here too), each with its answers and their points; qualified at `threshold` points. The others
 * are offered the waiting list (`offer_waitlist`), a smaller package (another service) and a link
 * (url and label both or neither, http(s) only). No row, or an empty list = no questions.
 */
export const serviceQualifications = pgTable(
  'service_qualifications',
  {
    serviceId: text('service_id').primaryKey().references(() => services.id, { onDelete: 'cascade' }),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    questions: jsonb('questions').$type<Array<{ text: Localized; answers: Array<{ label: Localized; points: number; soon: boolean }> }>>().notNull(),
    threshold: integer('threshold').notNull(),
    offerWaitlist: boolean('offer_waitlist').notNull().default(false),
    smallerServiceId: text('smaller_service_id').references(() => services.id, { onDelete: 'set null' }),
    linkUrl: text('link_url'),
    linkLabel: jsonb('link_label').$type<Localized>(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [index('service_qualifications_business_idx').on(t.businessId)],
);

// ---- Qualification per intent (issue 17, migration 0028) ----

/**
 * The owner's questions before a chat-menu request (domain/qualification QUAL_INTENTS): before a
 * price (`prices`) and before the hand-off form (`human`); one row per business and intent, the
 * same rules as a service's (≤ 5 questions, link halves together, http(s) only). No waiting list:
 * it is for a service's times, and an intent's questions come before any service.
 */
export const intentQualifications = pgTable(
  'intent_qualifications',
  {
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    intent: text('intent').$type<'prices' | 'human'>().notNull(),
    questions: jsonb('questions').$type<Array<{ text: Localized; answers: Array<{ label: Localized; points: number; soon: boolean }> }>>().notNull(),
    threshold: integer('threshold').notNull(),
    smallerServiceId: text('smaller_service_id').references(() => services.id, { onDelete: 'set null' }),
    linkUrl: text('link_url'),
    linkLabel: jsonb('link_label').$type<Localized>(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.intent] }),
    check('intent_qualifications_intent_check', sql`${t.intent} IN ('prices', 'human')`),
  ],
);

/*
 * The knowledge base (issue 18; drizzle/0018_knowledge_base.sql). `kb_entries.search` is a
 * generated tsvector read only by the raw SQL of services/knowledge/search.ts, so it is not
 * declared here (Drizzle never writes it).
 */
export const kbEntries = pgTable(
  'kb_entries',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    lang: text('lang').$type<Lang>().notNull(),
    question: text('question').notNull(),
    /** Other ways visitors ask it, one per line. */
    phrasings: text('phrasings').notNull().default(''),
    answer: text('answer').notNull(),
    /** The service the answer is about: the chat offers to book it. */
    serviceId: text('service_id').references(() => services.id, { onDelete: 'set null' }),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [index('kb_entries_business_lang_idx').on(t.businessId, t.lang)],
);

/** Questions nothing answered, counted per business, language and folded wording. */
export const kbUnanswered = pgTable(
  'kb_unanswered',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    lang: text('lang').$type<Lang>().notNull(),
    question: text('question').notNull(),
    folded: text('folded').notNull(),
    count: integer('count').notNull().default(1),
    firstAt: tstz('first_at').notNull(),
    lastAt: tstz('last_at').notNull(),
  },
  (t) => [uniqueIndex('kb_unanswered_business_lang_folded_idx').on(t.businessId, t.lang, t.folded)],
);

/**
 * The waiting list (issue 17; services/waitlist/): a person who found no time that suits waits
 * for a service, a staff member (null = anyone) and a window of business-local days and a part
 * of the day. `expires_at` is the end of the window. Written with consent only (the chat's contact step).
 */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    serviceId: text('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
    staffId: text('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    fromDay: date('from_day', { mode: 'string' }).notNull(),
    toDay: date('to_day', { mode: 'string' }).notNull(),
    part: text('part').$type<'any' | 'morning' | 'afternoon' | 'evening'>().notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    lang: text('lang').$type<Lang>().notNull(),
    conversationId: text('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    channel: text('channel').$type<ConversationChannel>().notNull().default('widget'),
    consentAt: tstz('consent_at').notNull(),
    status: text('status').$type<'waiting' | 'offered' | 'booked' | 'expired' | 'removed'>().notNull().default('waiting'),
    expiresAt: tstz('expires_at').notNull(),
    bookingId: text('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    index('waitlist_entries_queue_idx').on(t.businessId, t.serviceId, t.createdAt).where(sql`status = 'waiting'`),
    index('waitlist_entries_business_idx').on(t.businessId, t.createdAt),
  ],
);

/**
 * One freed time offered to one waiting person: an exclusive hold (`hold_id`, a `bookings` row
 * written by the booking store) and a one-tap link (`token_hash`). Partial unique indexes keep it
 * one at a time: one open offer per time and per person, and never the same time twice to a person.
 */
export const waitlistOffers = pgTable(
  'waitlist_offers',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    entryId: text('entry_id').notNull().references(() => waitlistEntries.id, { onDelete: 'cascade' }),
    holdId: text('hold_id').references(() => bookings.id, { onDelete: 'set null' }),
    staffId: text('staff_id').notNull(),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    tokenHash: text('token_hash').notNull(),
    status: text('status').$type<'offered' | 'expired' | 'booked' | 'withdrawn'>().notNull().default('offered'),
    expiresAt: tstz('expires_at').notNull(),
    createdAt: tstz('created_at').notNull(),
    closedAt: tstz('closed_at'),
  },
  (t) => [
    uniqueIndex('waitlist_offers_token_idx').on(t.tokenHash),
    uniqueIndex('waitlist_offers_one_per_slot_idx').on(t.staffId, t.startsAt).where(sql`status = 'offered'`),
    uniqueIndex('waitlist_offers_one_per_entry_idx').on(t.entryId).where(sql`status = 'offered'`),
    uniqueIndex('waitlist_offers_once_idx').on(t.entryId, t.staffId, t.startsAt),
    index('waitlist_offers_entry_idx').on(t.entryId, t.createdAt),
  ],
);

// ---- AI assistant (issue 18, migration 0025) ----

/** Tokens the optional AI assistant spent per business per UTC day: the daily cap reads it (services/assistant/usage.ts). */
export const assistantUsage = pgTable(
  'assistant_usage',
  {
    businessId: text('business_id').notNull().references(() => businesses.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    tokens: integer('tokens').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.day] }), check('assistant_usage_tokens_check', sql`${t.tokens} >= 0`)],
);

// ---- AI assistant settings per business (issue 18, migration 0029) ----

/** The owner's OpenAI-compatible endpoint (services/assistant/settings.ts); no row = the operator's env default. */
export const assistantSettings = pgTable(
  'assistant_settings',
  {
    businessId: text('business_id').primaryKey().references(() => businesses.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull().default(false),
    baseUrl: text('base_url').notNull().default(''),
    model: text('model').notNull().default(''),
    /** The API key sealed with the channels' cipher (CHANNEL_TOKEN_KEY), the business id as associated data. */
    apiKeySealed: text('api_key_sealed'),
    dailyTokens: integer('daily_tokens').notNull().default(200_000),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    check('assistant_settings_daily_tokens_check', sql`${t.dailyTokens} >= 0`),
    check('assistant_settings_base_url_check', sql`${t.baseUrl} = '' OR (${t.baseUrl} ~ '^https?://' AND length(${t.baseUrl}) <= 500)`),
    check('assistant_settings_model_check', sql`length(${t.model}) <= 200`),
    check('assistant_settings_enabled_check', sql`NOT ${t.enabled} OR (${t.baseUrl} <> '' AND ${t.model} <> '')`),
  ],
);

// ---- WhatsApp notice statuses (issue 16, migration 0026) ----

/**
 * A booking notice sent on WhatsApp (its `wamid`) and what Meta's status webhooks said of it
 * (services/channels/whatsapp-status.ts). The send and the status may arrive in either order:
 * both upsert this row, and the one that completes it (a notice that `failed`) handles the failure
 * once (`handled_at`). Migration 0026 also makes `notice_failed` events unique per
 * (booking, message, version, channel): index `events_notice_failed_once_idx`.
 */
export const whatsappNotices = pgTable(
  'whatsapp_notices',
  {
    messageId: text('message_id').primaryKey(),
    /** Null until the send is recorded (a status webhook came first). */
    bookingId: text('booking_id').references(() => bookings.id, { onDelete: 'cascade' }),
    /** The `notify.*` job's payload that sent it: a fallback or a template re-send repeats it. */
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    template: boolean('template'),
    status: text('status').$type<'sent' | 'delivered' | 'read' | 'failed'>().notNull().default('sent'),
    errorCode: integer('error_code'),
    errorTitle: text('error_title'),
    sentAt: tstz('sent_at'),
    statusAt: tstz('status_at').notNull(),
    handledAt: tstz('handled_at'),
  },
  (t) => [index('whatsapp_notices_booking_idx').on(t.bookingId), check('whatsapp_notices_status_check', sql`${t.status} IN ('sent', 'delivered', 'read', 'failed')`)],
);
