import { describe, expect, it } from 'vitest';
import { normaliseOrigin, originMatches } from './origin.js';

describe('originMatches', () => {
  it('accepts an exact origin regardless of case and trailing slash', () => {
    expect(originMatches(['https://Salon.example'], 'https://salon.example/')).toBe(true);
  });
  it('rejects another host, scheme or port', () => {
    expect(originMatches(['https://salon.example'], 'https://evil.example')).toBe(false);
    expect(originMatches(['https://salon.example'], 'http://salon.example')).toBe(false);
    expect(originMatches(['https://salon.example'], 'https://salon.example:8443')).toBe(false);
  });
  it('treats an explicit default port as the same origin', () => {
    expect(originMatches(['https://salon.example'], 'https://salon.example:443')).toBe(true);
  });
  it('matches any port with a :* pattern, but not a lookalike host', () => {
    expect(originMatches(['http://localhost:*'], 'http://localhost:8080')).toBe(true);
    expect(originMatches(['http://localhost:*'], 'http://localhost')).toBe(true);
    expect(originMatches(['http://localhost:*'], 'http://localhost.evil.example:80')).toBe(false);
    expect(originMatches(['http://localhost:*'], 'http://localhostx:80')).toBe(false);
  });
  it('rejects things that are not origins', () => {
    expect(originMatches(['http://localhost:*'], 'null')).toBe(false);
    expect(normaliseOrigin('javascript:alert(1)')).toBeNull();
    expect(normaliseOrigin('https://a.example/path')).toBeNull();
  });
});
