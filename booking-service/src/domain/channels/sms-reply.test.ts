import { describe, expect, it } from 'vitest';
import { langOfText, parseSmsReply, smsReplyWord } from './sms-reply.js';
import { smsSegments } from './sms-text.js';

describe('a reply to an SMS reminder', () => {
  it('"1" confirms, "2" reschedules, only the digit counts', () => {
    expect(parseSmsReply('1')).toBe('confirm');
    expect(parseSmsReply(' 1. ')).toBe('confirm');
    expect(parseSmsReply('2\n')).toBe('reschedule');
    expect(parseSmsReply('12')).toBe('other');
    expect(parseSmsReply('1 or 2?')).toBe('other');
    expect(parseSmsReply('yes')).toBe('other');
    expect(parseSmsReply('')).toBe('other');
  });

  it('answers in one segment in every language', () => {
    for (const lang of ['en', 'ru', 'hy'] as const) {
      for (const key of ['help', 'none', 'notNow', 'passed'] as const) expect(smsSegments(smsReplyWord(lang, key)).segments, `${lang} ${key}`).toBe(1);
      expect(smsReplyWord(lang, 'reschedule', { url: 'https://fd.example/l/Ab3dE5gH9k' })).toContain('https://fd.example/l/Ab3dE5gH9k');
    }
    expect(langOfText('Բարև')).toBe('hy');
    expect(langOfText('да')).toBe('ru');
    expect(langOfText('ok')).toBe('en');
  });
});
