/**
 * What an owner decides about follow-ups (issue 17): each sequence on or off, the nudge's delay,
 * quiet hours, and the texts per language (empty = the shipped default in ./texts.ts).
 * Stored as JSON in `businesses.follow_ups`; `readFollowUpSettings` turns whatever is stored
 * (null, an older shape) into a complete value, so readers never see a missing field.
 */
import type { Lang } from '../messages/types.js';

export type Sequence = 'nudge' | 'quote' | 'silent';
export const SEQUENCES: readonly Sequence[] = ['nudge', 'quote', 'silent'];

/** The nudge after a visitor went silent on a question: 30–60 min (PRODUCT.md, qualification). */
export const NUDGE_MIN = { min: 30, max: 60, default: 30 } as const;

export interface QuietHours {
  /** Local 'HH:MM' in the client's zone: no follow-up from this time… */
  from: string;
  /** …until this time (the window may cross midnight: 21:00–09:00). */
  to: string;
}

export type SequenceTexts = Partial<Record<Lang, string>>;

export interface FollowUpSettings {
  nudge: { on: boolean; delayMin: number };
  quote: { on: boolean };
  silent: { on: boolean };
  /** null = any time of day. */
  quietHours: QuietHours | null;
  texts: Partial<Record<Sequence, SequenceTexts>>;
}

export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = {
  nudge: { on: true, delayMin: NUDGE_MIN.default },
  quote: { on: true },
  silent: { on: true },
  quietHours: { from: '21:00', to: '09:00' },
  texts: {},
};

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isHHMM(s: unknown): s is string {
  return typeof s === 'string' && HHMM.test(s);
}

/** A complete settings value from what is stored (unknown fields dropped, bad ones defaulted). */
export function readFollowUpSettings(stored: unknown): FollowUpSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const d = DEFAULT_FOLLOW_UP_SETTINGS;
  const on = (k: Sequence): boolean => {
    const v = (s[k] as { on?: unknown } | undefined)?.on;
    return typeof v === 'boolean' ? v : d[k].on;
  };
  const delay = (s.nudge as { delayMin?: unknown } | undefined)?.delayMin;
  const q = s.quietHours as { from?: unknown; to?: unknown } | null | undefined;
  const texts: FollowUpSettings['texts'] = {};
  const rawTexts = (s.texts && typeof s.texts === 'object' ? s.texts : {}) as Record<string, unknown>;
  for (const k of SEQUENCES) {
    const t = rawTexts[k];
    if (!t || typeof t !== 'object') continue;
    const out: SequenceTexts = {};
    for (const lang of ['en', 'ru', 'hy'] as const) {
      const v = (t as Record<string, unknown>)[lang];
      if (typeof v === 'string' && v.trim()) out[lang] = v;
    }
    if (Object.keys(out).length) texts[k] = out;
  }
  return {
    nudge: {
      on: on('nudge'),
      delayMin: typeof delay === 'number' && Number.isInteger(delay) && delay >= NUDGE_MIN.min && delay <= NUDGE_MIN.max ? delay : d.nudge.delayMin,
    },
    quote: { on: on('quote') },
    silent: { on: on('silent') },
    quietHours: q === null ? null : q && isHHMM(q.from) && isHHMM(q.to) && q.from !== q.to ? { from: q.from, to: q.to } : d.quietHours,
    texts,
  };
}
