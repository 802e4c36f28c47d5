import { describe, expect, it } from 'vitest';
import { familiesOf, servicePhrases } from './service-words.js';

describe('familiesOf', () => {
  it('puts the words for whom a haircut is in the family of the name word', () => {
    expect(familiesOf('мужу') & familiesOf('мужская')).not.toBe(0);
    expect(familiesOf('женщине') & familiesOf('женская')).not.toBe(0);
    expect(familiesOf('мужу') & familiesOf('женская')).toBe(0);
  });

  it('knows Armenian service words typed in Latin letters', () => {
    expect(familiesOf('sanrvacqi') & familiesOf('սանրվածք')).not.toBe(0);
    expect(familiesOf('moruqs') & familiesOf('մորուք')).not.toBe(0);
    expect(familiesOf('nerkum') & familiesOf('ներկում')).not.toBe(0);
    expect(familiesOf('chistka') & familiesOf('чистка')).not.toBe(0);
  });
});

describe('servicePhrases', () => {
  it('reads barber slang in two words as the haircut', () => {
    expect(servicePhrases('can i get an edge up')).toBe('can i get an lineup');
    expect(servicePhrases('line-up on sat')).toBe('lineup on sat');
  });

  it('reads a haircut word said of the beard as a beard trim', () => {
    expect(servicePhrases('подстригите мне бороду')).toBe('оформление бороду');
    expect(servicePhrases('beard fade price')).toBe('beard trim price');
    expect(servicePhrases('cut my beard')).toBe('trim my beard');
    expect(servicePhrases('beard shape up')).toBe('beard trim');
  });

  it('leaves a haircut and a beard said together as they are', () => {
    for (const text of ['стрижка с бородой', 'стрижку и бороду', 'haircut and beard', 'haircut + beard', 'fade, beard']) {
      expect(servicePhrases(text)).toBe(text);
    }
  });
});
