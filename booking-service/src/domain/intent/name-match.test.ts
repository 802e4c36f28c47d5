import { describe, expect, it } from 'vitest';
import { matchNames } from './name-match.js';

const salon = [
  { id: 'women', names: ['Женская стрижка', "Women's haircut", 'Կանացի սանրվածք'] },
  { id: 'men', names: ['Мужская стрижка', "Men's haircut", 'Տղամարդու սանրվածք'] },
  { id: 'color', names: ['Окрашивание', 'Hair colouring', 'Մազերի ներկում'] },
];
const barber = [
  { id: 'haircut', names: ['Haircut', 'Стрижка'] },
  { id: 'combo', names: ['Haircut + beard', 'Стрижка + борода'] },
];

describe('matchNames', () => {
  it('finds a service through inflection in Russian and Armenian', () => {
    expect(matchNames('хочу на женскую стрижку', salon)).toEqual({ ids: ['women'], complete: true });
    expect(matchNames('окрашивание сколько', salon).ids).toEqual(['color']);
    expect(matchNames('կանացի սանրվածքի գինը', salon).ids).toEqual(['women']);
  });

  it('names every service a word fits equally, and prefers a name mentioned in full', () => {
    expect(matchNames('стрижка завтра в 15', salon)).toEqual({ ids: ['women', 'men'], complete: false });
    expect(matchNames('how much is a haircut', barber)).toEqual({ ids: ['haircut'], complete: true });
  });

  it('tolerates a typo in a long word, not a coincidence of short ones', () => {
    expect(matchNames('окрашиванее', salon).ids).toEqual(['color']);
    expect(matchNames('в 15 на', salon).ids).toEqual([]);
    expect(matchNames('hair', barber).ids).toEqual([]);
  });

  it('among a question’s options one telling word is enough', () => {
    const options = [{ id: 'a', names: ['Light-cured composite'] }, { id: 'b', names: ['Premium composite (aesthetic restoration)'] }];
    expect(matchNames('premium', options).ids).toEqual([]);
    expect(matchNames('premium', options, 0).ids).toEqual(['b']);
  });

  it('knows derived forms, diminutives, synonyms and the other languages\' words for a service', () => {
    expect(matchNames('хочу подстричься', salon).ids).toEqual(['women', 'men']);
    expect(matchNames('стрижечку бы', barber).ids).toEqual(['haircut']);
    expect(matchNames('покраска корней', salon).ids).toEqual(['color']);
    expect(matchNames('покрасить волосы', salon).ids).toEqual(['color']);
    expect(matchNames('a fade on friday', barber).ids).toEqual(['haircut']);
    expect(matchNames('ներկել մազերը', salon).ids).toEqual(['color']);
  });

  it('reads Armenian endings: the genitive of an -ում noun and the verb share its stem', () => {
    const clinic = [{ id: 'cleaning', names: ['Ատամների մաքրում'] }, { id: 'checkup', names: ['Առաջնային զննում'] }];
    expect(matchNames('ատամների մաքրման համար', clinic).ids).toEqual(['cleaning']);
    expect(matchNames('զննման գինը', clinic).ids).toEqual(['checkup']);
    const beard = [{ id: 'beard', names: ['Մորուքի ձևավորում'] }];
    expect(matchNames('մորուքս ձևավորել', beard)).toEqual({ ids: ['beard'], complete: true });
  });

  it('prefers the name mentioned with more of its words ("haircut and beard" is the combo)', () => {
    expect(matchNames('how much is haircut and beard', barber)).toEqual({ ids: ['combo'], complete: true });
    expect(matchNames('стрижка с бородой', barber).ids).toEqual(['combo']);
  });

  it('a service word no other name has picks the one service ("shave" of "Hot towel shave")', () => {
    const shop = [...barber, { id: 'shave', names: ['Hot towel shave', 'Бритьё с горячим полотенцем'] }];
    expect(matchNames('price of a shave', shop).ids).toEqual(['shave']);
    expect(matchNames('побриться', shop).ids).toEqual(['shave']);
    expect(matchNames('hot', shop).ids).toEqual([]);
  });

  it('a word several names share names no service on its own: a toothache is not a filling (issue 18)', () => {
    const clinic = [
      { id: 'filling', names: ['Ատամի լցավորում', 'Filling'] },
      { id: 'cleaning', names: ['Ատամների պրոֆեսիոնալ մաքրում', 'Professional cleaning'] },
    ];
    expect(matchNames('ատամներս ցավում են, ինչ անեմ', clinic).ids).toEqual([]);
    expect(matchNames('ատամի լցավորում', clinic).ids).toEqual(['filling']);
    const salon = [{ id: 'women', names: ['Женская стрижка'] }, { id: 'men', names: ['Мужская стрижка'] }];
    expect(matchNames('стрижку на завтра', salon).ids).toEqual(['women', 'men']);
    expect(matchNames('стрижку на завтра', barber).ids).toEqual(['haircut']);
  });
});

describe('matchNames: words held-out text used (issue 18)', () => {
  it('reads an English possessive typed without the apostrophe', () => {
    expect(matchNames('how much is a mens haircut', salon).ids).toEqual(['men']);
    expect(matchNames('womens cut', salon).ids).toEqual(['women']);
  });

  it('knows the verb forms, compounds and Latin spellings of a service word', () => {
    expect(matchNames('кто красит волосы', salon).ids).toEqual(['color']);
    const clinic = [{ id: 'cleaning', names: ['Профессиональная чистка', 'Teeth cleaning'] }, { id: 'filling', names: ['Пломба'] }];
    expect(matchNames('профчистка сколько', clinic).ids).toEqual(['cleaning']);
    const nails = [{ id: 'manicure', names: ['Маникюр', 'Մատնահարդարում'] }, { id: 'shave', names: ['Бритьё', 'Սափրում'] }];
    expect(matchNames('manikyur inch arji', nails).ids).toEqual(['manicure']);
    expect(matchNames('uzum em sapryvel', nails).ids).toEqual(['shave']);
  });

  it('a name for whom ("мужа", "for my wife") picks that haircut', () => {
    expect(matchNames('стрижка для мужчины', salon).ids).toEqual(['men']);
    expect(matchNames('постричь жену', salon).ids).toEqual(['women']);
  });
});

describe('matchNames: a combination of services (issue 18)', () => {
  const shop = [
    { id: 'haircut', names: ['Haircut', 'Стрижка', 'Սանրվածք'] },
    { id: 'beard', names: ['Beard trim', 'Оформление бороды', 'Մորուքի ձևավորում'] },
    { id: 'combo', names: ['Haircut + beard', 'Стрижка + борода', 'Սանրվածք + մորուք'] },
  ];

  it('one part of a combination is that service, not the combination', () => {
    expect(matchNames('price for beard only', shop).ids).toEqual(['beard']);
    expect(matchNames('бороду привести в порядок', shop).ids).toEqual(['beard']);
    expect(matchNames('մորուքս կարճացնել', shop).ids).toEqual(['beard']);
  });

  it('every part named is the combination, even when one part is also a service in full', () => {
    expect(matchNames('подстричься и оформить бороду', shop).ids).toEqual(['combo']);
    expect(matchNames('sanrvacq u moruq', shop).ids).toEqual(['combo']);
  });

  it('a haircut word said of the beard is the beard trim', () => {
    expect(matchNames('стрижка бородки', shop).ids).toEqual(['beard']);
    expect(matchNames('beard fade', shop).ids).toEqual(['beard']);
    expect(matchNames('an edge up', shop).ids).toEqual(['haircut']);
  });
});
