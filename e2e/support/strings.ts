/** The widget's own strings, so the tests follow its wording in every language. */
import en from '../../widget/src/i18n/en';
import hy from '../../widget/src/i18n/hy';
import ru from '../../widget/src/i18n/ru';
import type { Lang } from '@frontdesk/shared';

export type { Lang };
export const STRINGS = { en, ru, hy } satisfies Record<Lang, unknown>;
/** The loader's launcher label (it is not in the panel's strings). */
export const OPEN_CHAT = { en: 'Open chat', ru: 'Открыть чат', hy: 'Բացել զրույցը' } as const;
