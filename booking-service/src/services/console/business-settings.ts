/**
 * The owner's business settings as the console shows them. The brand colour lives in each
 * site's widget config (the widget reads it from there), so it is read from the first site and
 * written to every site.
 */
import type { Lang, WeeklyHours } from '@frontdesk/shared';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { businessClosures, businesses, conversations, services, sites } from '../../adapters/db/schema.js';
import type { Queryable } from '../../adapters/db/client.js';
import type { Deps } from '../deps.js';
import { ensureReleaseJob } from '../reconfirm/release.js';
import { changesDueTimes, refreshOpenDueTimes } from './sla-due.js';

const DEFAULT_COLOR = '#4f46e5';

export interface BusinessSettings {
  id: string;
  name: string;
  address: string;
  phone: string | null;
  timeZone: string;
  languages: Lang[];
  defaultLang: Lang;
  currency: string;
  brandColor: string;
  minNoticeMin: number;
  horizonDays: number;
  slotStepMin: number;
  cancellationWindowMin: number;
  reminderLeadsMin: number[];
  feedbackEnabled: boolean;
  notifyEmail: string | null;
  /** When the business answers: the inbox SLA clocks count only these hours (services/console/sla.ts). */
  openingHours: WeeklyHours;
  /** Days the business is closed (holidays), business-local dates, both ends included; sorted. */
  closures: Array<{ from: string; to: string; note: string }>;
  /** A no-show gives the rest of its time back to the calendar (otherwise it stays as history). */
  noShowFreesSlot: boolean;
  /** No empty windows: also offer the time right after a booking when the grid would leave a gap too short. */
  fillGaps: boolean;
  /** Chat transcripts are deleted this many days after the conversation's last activity (services/conversation/retention.ts). */
  transcriptRetentionDays: number;
  /** SLA targets in working minutes by lead temperature (issue 17; services/console/sla.ts slaTargetsOf). */
  slaHotMin: number;
  slaWarmMin: number;
  slaColdMin: number;
  /** Release unconfirmed slots this many hours before the start (services/reconfirm/release.ts); null = off. */
  releaseUnconfirmedHours: number | null;
}

export type BusinessPatch = Partial<Omit<BusinessSettings, 'id'>>;

export async function getBusinessSettings(deps: Pick<Deps, 'db'>, businessId: string): Promise<BusinessSettings> {
  const b = (await deps.db.select().from(businesses).where(eq(businesses.id, businessId)))[0];
  if (!b) throw new Error(`business ${businessId} of a signed-in user is missing`);
  const closures = await deps.db
    .select({ from: businessClosures.startsOn, to: businessClosures.endsOn, note: businessClosures.note })
    .from(businessClosures)
    .where(eq(businessClosures.businessId, businessId))
    .orderBy(asc(businessClosures.startsOn), asc(businessClosures.endsOn));
  const site = (await deps.db.select({ widget: sites.widget }).from(sites).where(eq(sites.businessId, businessId)).orderBy(asc(sites.id)).limit(1))[0];
  return {
    id: b.id,
    name: b.name,
    address: b.address,
    phone: b.phone,
    timeZone: b.timeZone,
    languages: b.languages,
    defaultLang: b.defaultLang,
    currency: b.currency,
    brandColor: site?.widget.color ?? DEFAULT_COLOR,
    minNoticeMin: b.minNoticeMin,
    horizonDays: b.horizonDays,
    slotStepMin: b.slotStepMin,
    cancellationWindowMin: b.cancellationWindowMin,
    reminderLeadsMin: b.reminderLeadsMin,
    feedbackEnabled: b.feedbackEnabled,
    notifyEmail: b.notifyEmail,
    openingHours: b.openingHours,
    closures,
    noShowFreesSlot: b.noShowFreesSlot,
    fillGaps: b.fillGaps,
    transcriptRetentionDays: b.transcriptRetentionDays,
    slaHotMin: b.slaHotMin,
    slaWarmMin: b.slaWarmMin,
    slaColdMin: b.slaColdMin,
    releaseUnconfirmedHours: b.releaseUnconfirmedHours,
  };
}

export async function updateBusinessSettings(deps: Pick<Deps, 'db' | 'configCache' | 'clock'>, businessId: string, patch: BusinessPatch): Promise<BusinessSettings> {
  const { brandColor, closures, ...columns } = patch;
  await deps.db.transaction(async (tx) => {
    if (columns.transcriptRetentionDays !== undefined) await moveTranscriptPurges(tx, businessId, columns.transcriptRetentionDays);
    // The owner edits the list as a whole: saving it replaces the business's closed days.
    if (closures !== undefined) {
      await tx.delete(businessClosures).where(eq(businessClosures.businessId, businessId));
      if (closures.length > 0) {
        await tx.insert(businessClosures).values(closures.map((c) => ({ id: randomUUID(), businessId, startsOn: c.from, endsOn: c.to, note: c.note })));
      }
    }
    if (Object.keys(columns).length > 0) await tx.update(businesses).set(columns).where(eq(businesses.id, businessId));
    // Open hand-offs' due times follow new SLA targets or opening hours, in this transaction (./sla-due.ts says why).
    if (changesDueTimes(columns)) await refreshOpenDueTimes(tx, { businessId }, deps.clock.now());
    // Turning the release on starts its sweep in the same transaction (it then runs for good).
    if (columns.releaseUnconfirmedHours != null) await ensureReleaseJob(tx, deps.clock.now());
    // Prices are stored in the business's currency on every service (the widget shows them so).
    if (columns.currency !== undefined) await tx.update(services).set({ currency: columns.currency }).where(eq(services.businessId, businessId));
    if (brandColor !== undefined) {
      const rows = await tx.select({ id: sites.id, widget: sites.widget }).from(sites).where(eq(sites.businessId, businessId));
      for (const r of rows) await tx.update(sites).set({ widget: { ...r.widget, color: brandColor } }).where(eq(sites.id, r.id));
    }
  });
  // Slot searches read settings through the config cache: the owner's change applies now, not in 5 s.
  deps.configCache?.clear();
  return getBusinessSettings(deps, businessId);
}

/**
 * A new retention period applies to the transcripts already kept, not only to new activity: each
 * conversation's purge instant (last activity + the old period) moves by the difference, so a
 * shorter period deletes old transcripts at the next daily purge.
 */
async function moveTranscriptPurges(db: Queryable, businessId: string, days: number): Promise<void> {
  const [b] = await db.select({ days: businesses.transcriptRetentionDays }).from(businesses).where(eq(businesses.id, businessId));
  if (!b || b.days === days) return;
  await db
    .update(conversations)
    .set({ purgeAfter: sql`${conversations.purgeAfter} + make_interval(days => ${days - b.days}::int)` })
    .where(and(eq(conversations.businessId, businessId), isNotNull(conversations.purgeAfter)));
}
