/**
 * `events.record`: what only the widget sees — the panel opened, a menu intent chosen — for the
 * KPI dashboard (conversations, by-intent conversion). Same origin check as every public call.
 */
import type { Deps } from './deps.js';
import { recordEvent } from './events.js';
import { ok, type Result } from './result.js';
import { openSite } from './site.js';

export interface WidgetEventInput {
  siteKey: string;
  conversationId: string;
  kind: 'widget_opened' | 'intent_chosen';
  intent?: string | undefined;
}

export async function recordWidgetEvent(deps: Deps, input: WidgetEventInput, origin: string | undefined): Promise<Result<{ ok: true }>> {
  const site = await openSite(deps, input.siteKey, origin);
  if (!site.ok) return site;
  await recordEvent(deps.db, {
    businessId: site.value.business.id,
    kind: input.kind,
    at: deps.clock.now(),
    siteId: site.value.site.id,
    conversationId: input.conversationId,
    intent: input.intent,
  });
  return ok({ ok: true });
}
