import { describe, expect, it } from 'vitest';
import { demoContext } from '../../../test/support/engine-world.js';
import { catalogAnswer, catalogTopics } from './catalog-answer.js';

describe('catalogTopics', () => {
  it.each([
    ['how long does a filling take?', ['duration']],
    ['сколько по времени длится окрашивание', ['duration']],
    ['որքա՞ն է տևում', ['duration']],
    ['кто делает кератин?', ['who']],
    ['ո՞վ է անում', ['who']],
    ['when are you open on Sunday?', ['hours']],
    ['до скольки вы работаете', ['hours']],
    ['your hours on friday?', ['hours']],
    ['how many hours does colouring take', ['duration', 'hours']],
    ['как к вам добраться на метро', ['address']],
    // Armenian typed in Latin letters (issue 18)
    ['vortegh eq gtnvum?', ['address']],
    ['inch zhamov eq bac kiraki', ['hours']],
    ['shabat orn ashxatum eq?', ['hours']],
    ['inchqan zhamanak e tevum', ['duration']],
    ['где вы находитесь?', ['address']],
    ['что такое кератин', ['describe']],
    ['сколько стоит стрижка', []],
    ['hello', []],
  ] as const)('"%s" → %j', (text, topics) => {
    expect(catalogTopics(text)).toEqual(topics);
  });
});

describe('catalogAnswer', () => {
  const barber = demoContext('demo-barber-nyc');
  it('the week’s hours, equal days grouped, in the visitor’s language', () => {
    expect(catalogAnswer('what are your opening hours?', barber, 'en')?.text).toBe('Our opening hours: Mon–Fri: 10:00 AM–8:00 PM; Sat: 9:00 AM–6:00 PM; Sun: 10:00 AM–4:00 PM.');
    expect(catalogAnswer('часы работы?', barber, 'ru')?.text).toBe('Мы работаем: пн–пт: 10:00–20:00; сб: 9:00–18:00; вс: 10:00–16:00.');
  });
  it('a day the business closed answers closed, whatever the week says (business_closures, issue 18)', () => {
    const closedSunday = { ...barber, business: { ...barber.business, closures: [{ from: '2026-03-07', to: '2026-03-08' }] } };
    const open = catalogAnswer('what are your hours on sunday', barber, 'en')?.text;
    expect(open).toMatch(/we’re open 10:00 AM–4:00 PM\.$/);
    expect(catalogAnswer('what are your hours on sunday', closedSunday, 'en')?.text).toBe(open!.replace(/we’re open .*$/, 'we’re closed.'));
    expect(catalogAnswer('open on friday?', closedSunday, 'en')?.text).toMatch(/we’re open/);
  });
  it('reads Russian typed in Latin letters as the understanding does ("gde vy nahodites")', () => {
    expect(catalogAnswer('gde vy nahodites', barber, 'ru')?.source).toEqual({ kind: 'catalog', topic: 'address' });
    expect(catalogAnswer('gde vy nahodites', barber, 'en')).toBeNull();
  });
  it('a service topic needs exactly one named service: none named, no answer (never a guess)', () => {
    expect(catalogAnswer('how long does it take?', barber, 'en')).toBeNull();
    expect(catalogAnswer('who does the hot towel shave?', barber, 'en')).toMatchObject({ text: 'Marcus does Hot towel shave.', serviceId: 'barber-shave' });
  });
});
