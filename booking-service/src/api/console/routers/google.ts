/**
 * google.* — the console's calendar settings (contract: notes/console-api.md, "google").
 * Each procedure acts on the signed-in user's own staff row; an owner may name another staff
 * member of their business with `staffId`. A staff id of another business answers NOT_FOUND,
 * exactly as a staff id that does not exist, so businesses cannot probe each other.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { staff } from '../../../adapters/db/schema.js';
import { issueFeed, revokeFeed } from '../../../services/calendar-sync/ics-feed.js';
import { chooseCalendars, connectUrl, disconnectStaff, googleStatus, staffConnectLink } from '../../../services/calendar-sync/settings.js';
import type { ConsoleSession } from '../../../services/console/sessions.js';
import type { Deps } from '../../../services/deps.js';
import { fail, ok, type Result } from '../../../services/result.js';
import { unwrap } from '../../errors.js';
import { ownerProcedure, router, staffProcedure } from '../trpc.js';

const staffIdField = z.string().trim().min(1).max(100);
const target = z.object({ staffId: staffIdField.optional() }).optional();
const calendarId = z.string().trim().min(1).max(1024);

/** The staff member a call is about: one's own, or (owner only) any of the business's. */
async function staffOf(deps: Deps, session: ConsoleSession, requested: string | undefined): Promise<Result<string>> {
  const staffId = requested ?? session.staffId;
  if (!staffId) {
    return fail('INVALID_INPUT', 'staffId: required — your account has no staff row of its own', { fields: [{ path: 'staffId', message: 'required' }] });
  }
  if (staffId !== session.staffId && session.role !== 'owner') return fail('STAFF_NOT_FOUND', 'Unknown staff member');
  const row = (await deps.db.select({ id: staff.id }).from(staff).where(and(eq(staff.id, staffId), eq(staff.businessId, session.businessId))))[0];
  return row ? ok(row.id) : fail('STAFF_NOT_FOUND', 'Unknown staff member');
}

export const googleRouter = router({
  status: staffProcedure.input(target).query(async ({ ctx, input }) => {
    const staffId = unwrap(await staffOf(ctx.deps, ctx.session, input?.staffId));
    return googleStatus(ctx.deps, ctx.google, staffId);
  }),

  connectUrl: staffProcedure.input(target).mutation(async ({ ctx, input }) => {
    const staffId = unwrap(await staffOf(ctx.deps, ctx.session, input?.staffId));
    return { url: unwrap(await connectUrl(ctx.deps, ctx.google, staffId)) };
  }),

  /** Beyond the contract: a signed link (7 days) for a staff member without a console account to connect their own calendar. */
  connectLink: ownerProcedure.input(z.object({ staffId: staffIdField })).mutation(async ({ ctx, input }) => {
    const staffId = unwrap(await staffOf(ctx.deps, ctx.session, input.staffId));
    return { url: unwrap(staffConnectLink(ctx.deps, ctx.google, staffId)) };
  }),

  chooseCalendars: staffProcedure
    .input(
      z.object({
        staffId: staffIdField.optional(),
        busyCalendarIds: z.array(calendarId).max(50),
        bookingCalendarId: calendarId,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const staffId = unwrap(await staffOf(ctx.deps, ctx.session, input.staffId));
      if (!ctx.google) unwrap(fail('GOOGLE_NOT_CONFIGURED', 'Google Calendar is not configured on this server'));
      unwrap(await chooseCalendars(ctx.deps, ctx.google!, staffId, input));
      return googleStatus(ctx.deps, ctx.google, staffId);
    }),

  disconnect: staffProcedure.input(target).mutation(async ({ ctx, input }) => {
    const staffId = unwrap(await staffOf(ctx.deps, ctx.session, input?.staffId));
    await disconnectStaff(ctx.deps, ctx.google, staffId);
    return { ok: true as const };
  }),

  createFeed: staffProcedure.input(target).mutation(async ({ ctx, input }) => {
    const staffId = unwrap(await staffOf(ctx.deps, ctx.session, input?.staffId));
    return { url: await issueFeed(ctx.deps, staffId) };
  }),

  revokeFeed: staffProcedure.input(target).mutation(async ({ ctx, input }) => {
    const staffId = unwrap(await staffOf(ctx.deps, ctx.session, input?.staffId));
    await revokeFeed(ctx.deps.db, staffId);
    return { ok: true as const };
  }),
});
