/**
 * The REST API's schemas: requests are validated with them and the OpenAPI document is generated
 * from them (openapi.ts), so the two cannot drift. Request fields reuse the public API's schemas
 * (api/inputs.ts). `.meta({ id })` names a schema as a reusable OpenAPI component.
 */
import { z } from 'zod';
import { NOT_STORABLE, customerSchema, idSchema, instantSchema, langSchema, localDateSchema, storable } from '../inputs.js';

const localized = z.record(z.string(), z.string()).meta({ description: 'Text per language code (ru, hy, en)', example: { en: 'Haircut', ru: 'Стрижка' } });

export const bookingStatusSchema = z.enum(['confirmed', 'cancelled', 'attended', 'no_show']).meta({ id: 'BookingStatus' });

export const bookingSchema = z
  .object({
    id: z.string(),
    status: bookingStatusSchema,
    start: z.string().meta({ format: 'date-time' }),
    end: z.string().meta({ format: 'date-time' }),
    serviceId: z.string(),
    staffId: z.string(),
    siteId: z.string().nullable(),
    channel: z.enum(['widget', 'phone', 'console', 'api']).meta({ description: 'Where it was made: the widget (or a messenger), a phone call typed in by staff, the console, or this API' }),
    customer: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
    lang: langSchema.nullable(),
    note: z.string().nullable(),
    cancelReason: z.string().nullable(),
    version: z.number().int().meta({ description: 'Bumped on every reschedule' }),
    createdAt: z.string().meta({ format: 'date-time' }),
    updatedAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'Booking' });

export const bookingPageSchema = z
  .object({ items: z.array(bookingSchema), nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page' }) })
  .meta({ id: 'BookingPage' });

export const serviceSchema = z
  .object({
    id: z.string(),
    names: localized,
    descriptions: localized.nullable(),
    durationMin: z.number().int(),
    bufferBeforeMin: z.number().int(),
    bufferAfterMin: z.number().int(),
    priceMin: z.number().int().meta({ description: "In the currency's major unit" }),
    priceMax: z.number().int().nullable().meta({ description: 'Null for a fixed price' }),
    active: z.boolean(),
    staffIds: z.array(z.string()),
  })
  .meta({ id: 'Service' });

export const staffSchema = z
  .object({ id: z.string(), name: z.string(), timeZone: z.string().nullable(), active: z.boolean() })
  .meta({ id: 'StaffMember' });

export const slotSchema = z
  .object({
    start: z.string().meta({ format: 'date-time' }),
    end: z.string().meta({ format: 'date-time' }),
    staffId: z.string().meta({ description: 'Who would serve: the first free staff member' }),
    staffIds: z.array(z.string()).optional().meta({ description: 'Everyone free at this time' }),
  })
  .meta({ id: 'Slot' });

export const availabilitySchema = z.object({ timeZone: z.string(), slots: z.array(slotSchema) }).meta({ id: 'Availability' });

export const listOf = <T extends z.ZodType>(item: T, id: string) => z.object({ items: z.array(item) }).meta({ id });

/** RFC 9457 problem details, with the fields at fault named in `errors`. */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'A URI reference naming the kind of problem' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string().optional().meta({ description: 'Machine-readable reason, e.g. SLOT_TAKEN' }),
    errors: z
      .array(
        z.object({
          in: z.enum(['path', 'query', 'body', 'header']),
          field: z.string().meta({ description: 'Dotted path of the field, e.g. customer.name' }),
          pointer: z.string().optional().meta({ description: 'JSON Pointer into the body (RFC 6901), for body fields' }),
          detail: z.string(),
        }),
      )
      .optional(),
    alternatives: z.array(slotSchema).optional().meta({ description: 'Free times near the one asked for (SLOT_TAKEN)' }),
  })
  .meta({ id: 'Problem' });

// ---- requests

export const idParams = z.object({ id: idSchema.meta({ description: 'The booking id' }) });

const statusList = z
  .string()
  .regex(/^[a-z_]+(,[a-z_]+)*$/, 'a comma-separated list of statuses')
  .transform((s) => s.split(','))
  .pipe(z.array(bookingStatusSchema))
  .meta({ description: 'Comma-separated: confirmed,cancelled,attended,no_show' });

export const listBookingsQuery = z.object({
  from: instantSchema.optional().meta({ description: 'Bookings starting at or after this instant' }),
  to: instantSchema.optional().meta({ description: 'Bookings starting before this instant' }),
  status: statusList.optional(),
  staffId: idSchema.optional(),
  serviceId: idSchema.optional(),
  customerId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

const note = z.string().trim().max(1000).refine(storable, NOT_STORABLE);

export const createBookingBody = z
  .strictObject({
    serviceId: idSchema,
    staffId: idSchema.optional().meta({ description: 'Omit for whoever is free' }),
    start: instantSchema,
    customer: customerSchema,
    lang: langSchema.meta({ description: 'The language messages to the customer are written in' }),
    note: note.optional(),
    siteId: idSchema.optional().meta({ description: "Which of the business's sites it is for; the first one when omitted" }),
  })
  .meta({ id: 'NewBooking' });

export const rescheduleBody = z.strictObject({ start: instantSchema, staffId: idSchema.optional() }).meta({ id: 'Reschedule' });
export const cancelBody = z.strictObject({ reason: z.string().trim().max(500).refine(storable, NOT_STORABLE).optional() }).meta({ id: 'Cancel' });
export const attendanceBody = z.strictObject({ status: z.enum(['attended', 'no_show']) }).meta({ id: 'Attendance' });

export const availabilityQuery = z.object({
  serviceId: idSchema,
  staffId: idSchema.optional(),
  from: localDateSchema.meta({ description: "First business-local date, YYYY-MM-DD, from yesterday to the booking horizon (outside it: 400 naming `from`)" }),
  days: z.coerce.number().int().min(1).max(31).default(7),
});

export const pageQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(500).optional() });
export const customerSchema_ = z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), lang: z.string(), createdAt: z.string().meta({ format: 'date-time' }) }).meta({ id: 'Customer' });
export const leadSchema = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    customerId: z.string().nullable(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    lang: z.string(),
    channel: z.string(),
    intent: z.string().nullable(),
    score: z.number().int(),
    temperature: z.string(),
    outcome: z.string().nullable(),
    createdAt: z.string().meta({ format: 'date-time' }),
    updatedAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'Lead' });
export const pageOf = <T extends z.ZodType>(item: T, id: string) => z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
export const anyIdParams = z.object({ id: idSchema });

export const conversationStatusSchema = z.enum(['bot', 'waiting', 'live', 'closed']).meta({ id: 'ConversationStatus', description: 'bot: with the assistant; waiting: asked for a person; live: staff replied; closed' });
const conversationChannelSchema = z.enum(['widget', 'telegram', 'whatsapp', 'sms', 'email']);

export const conversationSchema = z
  .object({
    id: z.string(),
    siteId: z.string().nullable(),
    channel: conversationChannelSchema,
    lang: z.string(),
    status: conversationStatusSchema,
    intent: z.string().nullable(),
    outcome: z.enum(['booked', 'handed_off', 'lost', 'not_interested']).nullable(),
    contact: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }).meta({ description: 'What the visitor left, with consent' }),
    customerId: z.string().nullable(),
    leadId: z.string().nullable().meta({ description: 'The lead this conversation became (GET /leads/{id})' }),
    source: z.object({ url: z.string().optional(), referrer: z.string().optional(), utm: z.record(z.string(), z.string()).optional() }).nullable().meta({ description: 'The page and campaign it started from' }),
    messageCount: z.number().int(),
    consentAt: z.string().nullable().meta({ format: 'date-time' }),
    lastVisitorAt: z.string().nullable().meta({ format: 'date-time' }),
    lastStaffAt: z.string().nullable().meta({ format: 'date-time' }),
    createdAt: z.string().meta({ format: 'date-time' }),
    updatedAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'Conversation' });

export const transcriptMessageSchema = z
  .object({
    seq: z.number().int().meta({ description: '1, 2, 3… per conversation' }),
    at: z.string().meta({ format: 'date-time' }),
    from: z.enum(['bot', 'visitor', 'staff', 'system']),
    text: z.string().meta({ description: 'Plain text in the conversation\'s language; may be empty when `card` says it all' }),
    author: z.string().optional().meta({ description: "Staff replies: the person's name" }),
    card: z.record(z.string(), z.unknown()).optional().meta({ description: 'A booking, slot or quote card shown with the message' }),
  })
  .meta({ id: 'TranscriptMessage' });

export const conversationWithTranscriptSchema = conversationSchema
  .extend({ messages: z.array(transcriptMessageSchema).meta({ description: 'Oldest first, up to 1000; messages older than the retention period are gone' }) })
  .meta({ id: 'ConversationWithTranscript' });

export const listConversationsQuery = z.object({
  from: instantSchema.optional().meta({ description: 'Started at or after this instant' }),
  to: instantSchema.optional().meta({ description: 'Started before this instant' }),
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, 'a comma-separated list of statuses')
    .transform((s) => s.split(','))
    .pipe(z.array(conversationStatusSchema))
    .optional()
    .meta({ description: 'Comma-separated: bot,waiting,live,closed' }),
  channel: conversationChannelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

const rows = (description: string) => z.array(z.record(z.string(), z.unknown())).meta({ description });
export const customerExportSchema = z
  .object({
    exportedAt: z.string().meta({ format: 'date-time' }),
    businessId: z.string(),
    customers: rows('Every customer row with the same e-mail or phone (a row is made per booking)'),
    bookings: rows('Their bookings: service, staff, status, times, channel, price, note'),
    conversations: rows('Their conversations with the transcripts'),
    leads: rows('Their leads'),
    handoffs: rows('Their requests for a person, with the replies'),
    consents: rows('Each consent given: when, in which conversation and channel'),
    events: rows('What was recorded about them (booking made, cancelled…)'),
  })
  .meta({ id: 'CustomerExport' });

export const erasedSchema = z
  .object({
    erased: z
      .object({
        customers: z.number().int(),
        bookingsCancelled: z.number().int().meta({ description: 'Future bookings cancelled (the customer is told as for any cancellation)' }),
        bookingsKept: z.number().int().meta({ description: 'Past bookings kept for the figures, without the person' }),
        conversations: z.number().int(),
        messages: z.number().int(),
        leads: z.number().int(),
        handoffs: z.number().int(),
        lookupCodes: z.number().int(),
        redacted: z.number().int().meta({ description: 'Webhook payloads, jobs, stored API answers and mail copies rewritten or removed' }),
      })
      .meta({ description: 'How many rows of each kind' }),
  })
  .meta({ id: 'Erased' });
