import { describe, expect, it } from 'vitest';
import { DEMO } from '../../src/seed/demo.js';
import { MESSAGES } from './messages.js';
import { OWNER_ENTRIES } from './owner-kb.js';

/** The evaluation set is what issue 18 asks for: big enough, every language, answers that exist. */
describe('evaluation set (bench/eval/messages.ts)', () => {
  it('has at least 150 messages, at least 50 per language', () => {
    expect(MESSAGES.length).toBeGreaterThanOrEqual(150);
    for (const lang of ['ru', 'hy', 'en'] as const) expect(MESSAGES.filter((m) => m.lang === lang).length).toBeGreaterThanOrEqual(50);
  });

  it('names only services of the seeded business the message is sent to', () => {
    for (const m of MESSAGES) {
      const biz = DEMO.find((d) => d.siteKey === m.site);
      expect(biz, m.text).toBeDefined();
      for (const id of [m.service ?? []].flat()) expect(biz!.services.map((s) => s.id), `${m.text}: ${id}`).toContain(id);
    }
  });

  it('writes times as a day, an exact time, or a bound, and no message twice', () => {
    for (const m of MESSAGES) if (m.when !== undefined) expect(m.when, m.text).toMatch(/^2026-\d\d-\d\d([@<>]\d\d:\d\d)?$/);
    expect(new Set(MESSAGES.map((m) => `${m.site}|${m.text}`)).size).toBe(MESSAGES.length);
  });

  it('asks knowledge-base questions only with the intent "other"', () => {
    for (const m of MESSAGES) if (m.kb) expect(m.intent, m.text).toBe('other');
  });

  it('gives every owner question the topic of a seeded entry of its business, in some language', () => {
    for (const m of MESSAGES) {
      expect(m.kb === 'owner', m.text).toBe(m.owner !== undefined);
      if (m.owner) expect(OWNER_ENTRIES.some((e) => e.site === m.site && e.topic === m.owner), m.text).toBe(true);
    }
  });
});
