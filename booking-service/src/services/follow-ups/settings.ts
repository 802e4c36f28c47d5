/**
 * The owner's follow-up settings (console): read complete (defaults filled in), saved whole after
 * validation — each text must format (domain/follow-ups/texts.ts), the field named when not.
 */
import { and, asc, eq } from 'drizzle-orm';
import { businesses, followUps } from '../../adapters/db/schema.js';
import { readFollowUpSettings, SEQUENCES, type FollowUpSettings, type Sequence } from '../../domain/follow-ups/settings.js';
import { DEFAULT_TEXTS, textError } from '../../domain/follow-ups/texts.js';
import type { Lang } from '../../domain/messages/types.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';

export interface FollowUpSettingsView {
  settings: FollowUpSettings;
  /** The shipped texts, shown where the owner wrote none. */
  defaults: typeof DEFAULT_TEXTS;
}

export async function getFollowUpSettings(deps: Pick<Deps, 'db'>, businessId: string): Promise<FollowUpSettingsView> {
  const [b] = await deps.db.select({ f: businesses.followUps }).from(businesses).where(eq(businesses.id, businessId)).limit(1);
  return { settings: readFollowUpSettings(b?.f ?? null), defaults: DEFAULT_TEXTS };
}

export async function saveFollowUpSettings(deps: Pick<Deps, 'db' | 'configCache'>, businessId: string, input: FollowUpSettings): Promise<Result<FollowUpSettingsView>> {
  for (const seq of SEQUENCES) {
    for (const [lang, text] of Object.entries(input.texts[seq] ?? {}) as Array<[Lang, string]>) {
      const err = text.trim() ? textError(text, lang) : null;
      if (err) return fail('INVALID_INPUT', `texts.${seq}.${lang}: ${err}`, { field: `texts.${seq}.${lang}` });
    }
  }
  // Stored through the reader: what is saved is exactly what will be read back.
  const settings = readFollowUpSettings(input);
  await deps.db.update(businesses).set({ followUps: settings as unknown as Record<string, unknown> }).where(eq(businesses.id, businessId));
  deps.configCache?.clear();
  return ok({ settings, defaults: DEFAULT_TEXTS });
}

export interface FollowUpItem {
  id: string;
  sequence: Sequence;
  step: number;
  dueAt: string;
  status: 'scheduled' | 'sent' | 'cancelled' | 'skipped';
  reason: string | null;
  via: string | null;
  sentAt: string | null;
  answeredAt: string | null;
}

/** A conversation's follow-ups for the lead card: what is scheduled, sent, cancelled and why. */
export async function followUpsOf(deps: Pick<Deps, 'db'>, businessId: string, conversationId: string): Promise<FollowUpItem[]> {
  const rows = await deps.db
    .select()
    .from(followUps)
    .where(and(eq(followUps.businessId, businessId), eq(followUps.conversationId, conversationId)))
    .orderBy(asc(followUps.dueAt), asc(followUps.id))
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    sequence: r.sequence,
    step: r.step,
    dueAt: r.dueAt.toISOString(),
    status: r.status,
    reason: r.reason,
    via: r.via,
    sentAt: r.sentAt?.toISOString() ?? null,
    answeredAt: r.answeredAt?.toISOString() ?? null,
  }));
}
