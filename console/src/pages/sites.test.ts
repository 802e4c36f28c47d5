import { describe, expect, it } from 'vitest';
import { parseOrigins, readOrigins } from './sites.js';

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
