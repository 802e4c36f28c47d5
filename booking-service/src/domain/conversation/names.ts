/**
 * Names of the owner's things in the visitor's language. A service without a name in that
 * language falls back visibly and sensibly: the business's language, then any other, then a
 * numbered "Service 2" in the visitor's language, never an internal id.
 */
import type { Lang } from '../messages/types.js';
import { localize } from '../quote/localized-text.js';
import type { EngineContext, EngineService } from './context.js';
import { say } from './words/index.js';

export function serviceName(ctx: EngineContext, id: string, lang: Lang): string {
  const i = ctx.services.findIndex((s) => s.id === id);
  const s = ctx.services[i];
  const name = s ? localize(s.names, lang, ctx.business.defaultLang).trim() : '';
  return name || say(lang, 'serviceNumbered', { n: i >= 0 ? i + 1 : ctx.services.length + 1 });
}

/** Every spelling of a service's name, for finding it in a message typed in any language. */
export function allNames(s: EngineService): string[] {
  return Object.values(s.names).filter((n): n is string => typeof n === 'string' && n.trim().length > 0);
}
