/**
 * The REST API's table of contents: one entry per operation, read by the Express router
 * (router.ts), the OpenAPI generator (openapi.ts) and the isolation walk (test/rest-api.test.ts),
 * so a new route is served, documented and walked with another business's ids at once.
 */
import type { z } from 'zod';
import type { Deps } from '../../services/deps.js';
import type { ApiPrincipal, ApiScope } from '../../services/api-keys/keys.js';
import { availability, cancelBooking, createBooking, getBooking, listBookings, markBookingAttendance, rescheduleBooking } from '../../services/integrations/bookings.js';
import { listServices } from '../../services/console/catalog.js';
import { listStaff } from '../../services/console/team.js';
import { getCustomer, getLead, listCustomers, listLeads } from '../../services/integrations/people.js';
import { getConversation, listConversations } from '../../services/integrations/conversations.js';
import { exportCustomer } from '../../services/privacy/export.js';
import { eraseCustomer } from '../../services/privacy/erase.js';
import { ok, type Result } from '../../services/result.js';
import {
  attendanceBody,
  availabilityQuery,
  availabilitySchema,
  bookingPageSchema,
  bookingSchema,
  cancelBody,
  createBookingBody,
  idParams,
  listBookingsQuery,
  listOf,
  rescheduleBody,
  serviceSchema,
  staffSchema,
  anyIdParams,
  customerSchema_,
  leadSchema,
  pageOf,
  pageQuery,
  conversationSchema,
  conversationWithTranscriptSchema,
  listConversationsQuery,
  customerExportSchema,
  erasedSchema,
} from './schemas.js';

type AnyObject = z.ZodObject;

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The Idempotency-Key header (creates only). */
  idempotencyKey: string | undefined;
}

export interface RouteDef<P extends AnyObject | undefined = AnyObject | undefined, Q extends AnyObject | undefined = AnyObject | undefined, B extends z.ZodType | undefined = z.ZodType | undefined> {
  operationId: string;
  method: 'get' | 'post';
  /** OpenAPI style: `/bookings/{id}`. */
  path: string;
  scope: ApiScope;
  tag: 'Bookings' | 'Availability' | 'Catalog' | 'People' | 'Conversations';
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  response: z.ZodType;
  status: 200 | 201;
  /** Honours Idempotency-Key (creates). */
  idempotent?: boolean;
  handler: (
    deps: Deps,
    principal: ApiPrincipal,
    input: RouteInput<P extends AnyObject ? z.output<P> : undefined, Q extends AnyObject ? z.output<Q> : undefined, B extends z.ZodType ? z.output<B> : undefined>,
  ) => Promise<Result<unknown>>;
}

/** The privacy services name the customer `customerId`; in this API it is the path's `id`. */
function asPathId<T>(r: Result<T>): Result<T> {
  return !r.ok && r.details?.field === 'customerId' ? { ...r, details: { ...r.details, field: 'id' } } : r;
}

/** Keeps each entry's handler typed by its own schemas. */
function route<P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined, B extends z.ZodType | undefined = undefined>(def: RouteDef<P, Q, B>): RouteDef {
  return def;
}

export const routes: RouteDef[] = [
  route({
    operationId: 'listBookings',
    method: 'get',
    path: '/bookings',
    scope: 'read',
    tag: 'Bookings',
    summary: 'List bookings',
    description: 'Oldest start first; filter by time, status, staff, service or customer; page with `cursor`.',
    query: listBookingsQuery,
    response: bookingPageSchema,
    status: 200,
    handler: (deps, p, { query }) => listBookings(deps, p.businessId, query),
  }),
  route({
    operationId: 'getBooking',
    method: 'get',
    path: '/bookings/{id}',
    scope: 'read',
    tag: 'Bookings',
    summary: 'Get a booking',
    params: idParams,
    response: bookingSchema,
    status: 200,
    handler: (deps, p, { params }) => getBooking(deps, p.businessId, params.id),
  }),
  route({
    operationId: 'createBooking',
    method: 'post',
    path: '/bookings',
    scope: 'write',
    tag: 'Bookings',
    summary: 'Book a slot',
    description:
      'Books as the widget does (the same rules: opening hours, minimum notice, horizon; a taken time answers 409 with `alternatives`). ' +
      'The customer gets the same confirmation and reminders. Send an `Idempotency-Key` header so a retry never books twice.',
    body: createBookingBody,
    response: bookingSchema,
    status: 201,
    idempotent: true,
    handler: (deps, p, { body, idempotencyKey }) => createBooking(deps, p, body, idempotencyKey),
  }),
  route({
    operationId: 'rescheduleBooking',
    method: 'post',
    path: '/bookings/{id}/reschedule',
    scope: 'write',
    tag: 'Bookings',
    summary: 'Move a booking',
    description: 'As staff move it in the console: within working hours and the slot grid, optionally to another staff member.',
    params: idParams,
    body: rescheduleBody,
    response: bookingSchema,
    status: 200,
    handler: (deps, p, { params, body }) => rescheduleBooking(deps, p, params.id, body),
  }),
  route({
    operationId: 'cancelBooking',
    method: 'post',
    path: '/bookings/{id}/cancel',
    scope: 'write',
    tag: 'Bookings',
    summary: 'Cancel a booking',
    description: 'Cancelling a cancelled booking answers the same booking.',
    params: idParams,
    body: cancelBody,
    response: bookingSchema,
    status: 200,
    handler: (deps, p, { params, body }) => cancelBooking(deps, p, params.id, body),
  }),
  route({
    operationId: 'markAttendance',
    method: 'post',
    path: '/bookings/{id}/attendance',
    scope: 'write',
    tag: 'Bookings',
    summary: 'Mark a visit attended or a no-show',
    params: idParams,
    body: attendanceBody,
    response: bookingSchema,
    status: 200,
    handler: (deps, p, { params, body }) => markBookingAttendance(deps, p, params.id, body),
  }),
  route({
    operationId: 'getAvailability',
    method: 'get',
    path: '/availability',
    scope: 'read',
    tag: 'Availability',
    summary: 'Free times for a service',
    description:
      'The times the widget would offer, over business-local days [from, from + days). ' +
      "A `from` before yesterday or past the business's booking horizon answers 400 with `errors` naming `from` (as the widget's search does), not an empty list.",
    query: availabilityQuery,
    response: availabilitySchema,
    status: 200,
    handler: (deps, p, { query }) => availability(deps, p.businessId, query),
  }),
  route({
    operationId: 'listServices',
    method: 'get',
    path: '/services',
    scope: 'read',
    tag: 'Catalog',
    summary: 'List services',
    response: listOf(serviceSchema, 'ServiceList'),
    status: 200,
    handler: async (deps, p) => ok({ items: await listServices(deps, p.businessId) }),
  }),
  route({
    operationId: 'listStaff',
    method: 'get',
    path: '/staff',
    scope: 'read',
    tag: 'Catalog',
    summary: 'List staff',
    response: listOf(staffSchema, 'StaffList'),
    status: 200,
    // Not the console's view: no accounts, e-mails or hours leave through the API.
    handler: async (deps, p) => ok({ items: (await listStaff(deps, p.businessId)).map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone, active: s.active })) }),
  }),
  route({
    operationId: 'listCustomers',
    method: 'get',
    path: '/customers',
    scope: 'read',
    tag: 'People',
    summary: 'List customers',
    description: 'Newest first; page with `cursor`.',
    query: pageQuery,
    response: pageOf(customerSchema_, 'CustomerPage'),
    status: 200,
    handler: (deps, p, { query }) => listCustomers(deps, p.businessId, query),
  }),
  route({
    operationId: 'getCustomer',
    method: 'get',
    path: '/customers/{id}',
    scope: 'read',
    tag: 'People',
    summary: 'Get a customer',
    params: anyIdParams,
    response: customerSchema_,
    status: 200,
    handler: (deps, p, { params }) => getCustomer(deps, p.businessId, params.id),
  }),
  route({
    operationId: 'exportCustomer',
    method: 'get',
    path: '/customers/{id}/export',
    scope: 'read',
    tag: 'People',
    summary: "Export everything about a customer (GDPR access request)",
    description: 'One JSON document: every customer row, booking, conversation with its transcript, lead, hand-off, consent and event of the person — matched by the e-mail and phone of this customer.',
    params: anyIdParams,
    response: customerExportSchema,
    status: 200,
    handler: async (deps, p, { params }) => asPathId(await exportCustomer(deps.db, p.businessId, params.id, deps.clock.now())),
  }),
  route({
    operationId: 'eraseCustomer',
    method: 'post',
    path: '/customers/{id}/erase',
    scope: 'write',
    tag: 'People',
    summary: 'Erase a customer (GDPR erasure request)',
    description:
      'Removes the person — every row with the e-mail or phone of this customer: future bookings are cancelled (with the usual message), past ones are kept for the figures without the person; ' +
      'leads, transcripts, replies and codes are deleted; webhook payloads and stored answers are redacted. Cannot be undone. Erasing again answers 404.',
    params: anyIdParams,
    response: erasedSchema,
    status: 200,
    handler: async (deps, p, { params }) => asPathId(await eraseCustomer(deps.db, p.businessId, params.id, deps.clock.now(), { actor: { by: 'staff', userId: `api-key:${p.keyId}` } })),
  }),
  route({
    operationId: 'listLeads',
    method: 'get',
    path: '/leads',
    scope: 'read',
    tag: 'People',
    summary: 'List leads',
    description: 'Conversations that left a consented contact, newest first; page with `cursor`.',
    query: pageQuery,
    response: pageOf(leadSchema, 'LeadPage'),
    status: 200,
    handler: (deps, p, { query }) => listLeads(deps, p.businessId, query),
  }),
  route({
    operationId: 'getLead',
    method: 'get',
    path: '/leads/{id}',
    scope: 'read',
    tag: 'People',
    summary: 'Get a lead',
    params: anyIdParams,
    response: leadSchema,
    status: 200,
    handler: (deps, p, { params }) => getLead(deps, p.businessId, params.id),
  }),
  route({
    operationId: 'listConversations',
    method: 'get',
    path: '/conversations',
    scope: 'read',
    tag: 'Conversations',
    summary: 'List conversations',
    description: 'Every conversation with the assistant or staff (widget and messengers), newest first; filter by start time, status or channel; page with `cursor`.',
    query: listConversationsQuery,
    response: pageOf(conversationSchema, 'ConversationPage'),
    status: 200,
    handler: (deps, p, { query }) => listConversations(deps, p.businessId, query),
  }),
  route({
    operationId: 'getConversation',
    method: 'get',
    path: '/conversations/{id}',
    scope: 'read',
    tag: 'Conversations',
    summary: 'Get a conversation with its transcript',
    params: anyIdParams,
    response: conversationWithTranscriptSchema,
    status: 200,
    handler: (deps, p, { params }) => getConversation(deps, p.businessId, params.id),
  }),
];
