import { describe, expect, it } from 'vitest';
import { DEMO } from '../../src/seed/demo.js';
import { HELD_OUT } from './held-out.js';
import { HELD_OUT_2 } from './held-out-2.js';
import { HELD_OUT_3 } from './held-out-3.js';
import { MESSAGES, type EvalMessage } from './messages.js';
import { OWNER_ENTRIES } from './owner-kb.js';

/** The evaluation sets are what issue 18 asks for: big enough, every language, answers that exist. */
describe.each([
  { name: 'in-sample (bench/eval/messages.ts)', set: MESSAGES, total: 150, perLang: 50 },
  { name: 'held-out (bench/eval/held-out.ts)', set: HELD_OUT, total: 90, perLang: 30 },
  { name: 'held-out 2 (bench/eval/held-out-2.ts)', set: HELD_OUT_2, total: 150, perLang: 50 },
  { name: 'held-out 3 (bench/eval/held-out-3.ts)', set: HELD_OUT_3, total: 150, perLang: 50 },
])('evaluation set $name', ({ set, total, perLang }: { set: EvalMessage[]; total: number; perLang: number }) => {
  it(`has at least ${total} messages, at least ${perLang} per language`, () => {
    expect(set.length).toBeGreaterThanOrEqual(total);
    for (const lang of ['ru', 'hy', 'en'] as const) expect(set.filter((m) => m.lang === lang).length).toBeGreaterThanOrEqual(perLang);
  });

  it('names only services of the seeded business the message is sent to', () => {
    for (const m of set) {
      const biz = DEMO.find((d) => d.siteKey === m.site);
      expect(biz, m.text).toBeDefined();
      for (const id of [m.service ?? []].flat()) expect(biz!.services.map((s) => s.id), `${m.text}: ${id}`).toContain(id);
    }
  });

  it('writes times as a day, an exact time, or a bound, and no message twice', () => {
    for (const m of set) if (m.when !== undefined) expect(m.when, m.text).toMatch(/^2026-\d\d-\d\d([@<>]\d\d:\d\d)?$/);
    expect(new Set(set.map((m) => `${m.site}|${m.text}`)).size).toBe(set.length);
  });

  it('asks knowledge-base questions only with the intent "other"', () => {
    for (const m of set) if (m.kb) expect(m.intent, m.text).toBe('other');
  });

  it('gives every owner question the topic of a seeded entry of its business, in some language', () => {
    for (const m of set) {
      expect(m.kb === 'owner', m.text).toBe(m.owner !== undefined);
      if (m.owner) expect(OWNER_ENTRIES.some((e) => e.site === m.site && e.topic === m.owner), m.text).toBe(true);
    }
  });
});

describe('held-out sets', () => {
  const texts = (set: EvalMessage[]) => new Set(set.map((m) => m.text.toLowerCase()));

  it('shares no message with the in-sample set (it measures unseen text)', () => {
    const seen = texts(MESSAGES);
    expect(HELD_OUT.filter((m) => seen.has(m.text.toLowerCase())).map((m) => m.text)).toEqual([]);
  });

  it('set 2 shares no message with the in-sample set nor with set 1, whose failures shaped rule fixes', () => {
    const seen = new Set([...texts(MESSAGES), ...texts(HELD_OUT)]);
    expect(HELD_OUT_2.filter((m) => seen.has(m.text.toLowerCase())).map((m) => m.text)).toEqual([]);
  });

  it('set 2 has exactly 50 messages per language, about half of them a booking with a service and a time', () => {
    for (const lang of ['ru', 'hy', 'en'] as const) expect(HELD_OUT_2.filter((m) => m.lang === lang).length, lang).toBe(50);
    const serviceAndTime = HELD_OUT_2.filter((m) => m.intent === 'book' && m.service !== undefined && m.when !== undefined);
    expect(serviceAndTime.length).toBeGreaterThanOrEqual(70);
  });

  it('set 3 shares no message with any earlier set, all of which rule fixers have seen', () => {
    const seen = new Set([...texts(MESSAGES), ...texts(HELD_OUT), ...texts(HELD_OUT_2)]);
    expect(HELD_OUT_3.filter((m) => seen.has(m.text.toLowerCase())).map((m) => m.text)).toEqual([]);
  });

  it('set 3 has exactly 50 messages per language, about half of them a booking with a service and a time', () => {
    for (const lang of ['ru', 'hy', 'en'] as const) expect(HELD_OUT_3.filter((m) => m.lang === lang).length, lang).toBe(50);
    const serviceAndTime = HELD_OUT_3.filter((m) => m.intent === 'book' && m.service !== undefined && m.when !== undefined);
    expect(serviceAndTime.length).toBeGreaterThanOrEqual(70);
  });
});
