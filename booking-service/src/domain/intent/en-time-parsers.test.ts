import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { enQualifiedTimeParser } from './en-time-parsers.js';
import { AFTER_TAG, BEFORE_TAG } from './ru-time-parsers.js';

const en = chrono.en.casual.clone();
en.parsers.push(enQualifiedTimeParser);
const reference = { instant: new Date(Date.UTC(2026, 5, 10, 16)), timezone: -240 };

function first(text: string) {
  const [result] = en.parse(text, reference);
  if (result === undefined) return undefined;
  return { text: result.text, hour: result.start.get('hour'), minute: result.start.get('minute'), meridiemKnown: result.start.isCertain('meridiem'), tags: [...result.tags()] };
}

describe('enQualifiedTimeParser', () => {
  it('reads a bare hour after a qualifier', () => {
    expect(first('after 5')).toMatchObject({ hour: 5, meridiemKnown: false, tags: [AFTER_TAG] });
    expect(first('anytime after 6:30')).toMatchObject({ hour: 6, minute: 30, tags: [AFTER_TAG] });
    expect(first('not before 10')).toMatchObject({ hour: 10, tags: [AFTER_TAG] });
    expect(first('before 11')).toMatchObject({ hour: 11, tags: [BEFORE_TAG] });
    expect(first('by 3 o\'clock')).toMatchObject({ hour: 3, tags: [BEFORE_TAG] });
  });

  it('applies am/pm', () => {
    expect(first('after 5pm')).toMatchObject({ hour: 17, meridiemKnown: true, tags: [AFTER_TAG] });
    expect(first('before 12 a.m.')).toMatchObject({ hour: 0, meridiemKnown: true });
    expect(first('after 13 pm')).toBeUndefined();
  });

  it('reads named times', () => {
    expect(first('before noon')).toMatchObject({ hour: 12, tags: [BEFORE_TAG] });
    expect(first('after lunch')).toMatchObject({ hour: 12, tags: [AFTER_TAG] });
    expect(first('before lunch')).toMatchObject({ hour: 12, tags: [BEFORE_TAG] });
    expect(first('after work')).toMatchObject({ hour: 18, tags: [AFTER_TAG] });
  });
});
