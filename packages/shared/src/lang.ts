/** The languages every visitor- and owner-facing word is written in: Russian, Armenian, English. */
export const LANGS = ['ru', 'hy', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Text an owner writes once per language; any of them may be missing. */
export type Localized = Partial<Record<Lang, string>>;
