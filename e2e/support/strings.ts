/**
 * The words the tests follow in every language: the widget's own chrome (captions, labels, its
 * local greeting and menu) and what the bot says, which comes from the server's message table.
 */
import en from '../../widget/src/i18n/en';
import hy from '../../widget/src/i18n/hy';
import ru from '../../widget/src/i18n/ru';
import { en as wEn } from '../../booking-service/src/domain/conversation/words/en';
import { hy as wHy } from '../../booking-service/src/domain/conversation/words/hy';
import { ru as wRu } from '../../booking-service/src/domain/conversation/words/ru';
import type { Lang } from '@frontdesk/shared';

export type { Lang };
export const STRINGS = { en, ru, hy } satisfies Record<Lang, unknown>;
/** The bot's sentences (ICU placeholders such as `{when}` left in: match the fixed ones). */
export const WORDS = { en: wEn, ru: wRu, hy: wHy } satisfies Record<Lang, unknown>;
/** The loader's launcher label (it is not in the panel's strings). */
export const OPEN_CHAT = { en: 'Open chat', ru: 'Открыть чат', hy: 'Բացել զրույցը' } as const;
