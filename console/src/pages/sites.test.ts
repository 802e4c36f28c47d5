import { describe, expect, it } from 'vitest';
import { parseOrigins, readOrigins, refusedText } from './sites.js';

describe('parseOrigins', () => {
  it('takes one origin per line, trims trailing slashes and drops blanks', () => {
    expect(parseOrigins('https://a.example/\n\n  https://b.example  \n')).toEqual(['https://a.example', 'https://b.example']);
  });
});

describe('readOrigins: what an owner pastes', () => {
  it('takes a bare domain as https and cuts a page address to its origin', () => {
    expect(readOrigins('salon.example\nhttps://Salon.example/prices?x=1#top\nhttp://shop.example:8080/a')).toEqual({
      origins: ['https://salon.example', 'http://shop.example:8080'],
      bad: [],
    });
  });
  it('keeps loopback wildcards and drops duplicates', () => {
    expect(readOrigins('http://localhost:*\nhttps://a.example, https://a.example/')).toEqual({ origins: ['http://localhost:*', 'https://a.example'], bad: [] });
  });
  it('names each line that is no web address', () => {
    expect(readOrigins('https://ok.example\nnot a site\nftp://files.example')).toEqual({
      origins: ['https://ok.example'],
      bad: [
        { line: 2, text: 'not a site' },
        { line: 3, text: 'ftp://files.example' },
      ],
    });
  });
});

describe('refusedText: "refused N times today" in each language', () => {
  it('uses the plural form the language needs', () => {
    const o = 'https://shop.example';
    expect(refusedText({ origin: o, count: 1 }, 'en')).toMatch(/^Refused 1 time today from https:\/\/shop\.example:/);
    expect(refusedText({ origin: o, count: 12 }, 'en')).toMatch(/^Refused 12 times today from https:\/\/shop\.example:/);
    expect(refusedText({ origin: o, count: 3 }, 'ru')).toContain('не пустили 3 раза');
    expect(refusedText({ origin: o, count: 12 }, 'ru')).toContain('не пустили 12 раз —');
    expect(refusedText({ origin: o, count: 21 }, 'ru')).toContain('не пустили 21 раз —');
    expect(refusedText({ origin: o, count: 2 }, 'hy')).toContain('2 անգամ՝ https://shop.example։');
  });
});
