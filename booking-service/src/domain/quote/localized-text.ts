/**
 * Text an owner writes once per language. Visitors speak Russian, Armenian or English; an owner
 * may fill in only some of them, so every read goes through `localize` with a fallback chain.
 */
import { LANGS, type Lang } from '@frontdesk/shared';
import { z } from 'zod';

export const langSchema = z.enum(LANGS);

export interface LocalizedText {
  ru?: string | undefined;
  hy?: string | undefined;
  en?: string | undefined;
}

/**
 * A `{ ru?, hy?, en? }` object with at least one non-blank text of at most `maxLength`
 * characters (after trimming). Unknown keys are rejected so a typo such as `am` for Armenian
 * fails loudly instead of silently vanishing.
 */
export function localizedTextSchema(maxLength: number) {
  const text = z.string().trim().min(1, 'must not be blank').max(maxLength);
  return z
    .strictObject({ ru: text.optional(), hy: text.optional(), en: text.optional() })
    .refine((t) => t.ru !== undefined || t.hy !== undefined || t.en !== undefined, {
      message: 'needs text in at least one language (ru, hy or en)',
    });
}

/**
 * The text in `lang`, else in the business's `defaultLang`, else in any language (en, ru, hy
 * order). The schema guarantees at least one is present; '' is returned only for objects that
 * bypassed it.
 */
export function localize(text: LocalizedText, lang: Lang, defaultLang: Lang): string {
  return text[lang] ?? text[defaultLang] ?? text.en ?? text.ru ?? text.hy ?? '';
}
