/**
 * The evaluation set of issue 18 ("Measured"): what visitors of the three demo businesses
 * (src/seed/demo.ts) actually type — misspellings, transliteration ("zapisatsya", Armenian in
 * Latin letters), mixed languages, slang — with what a person at the front desk would take from
 * it. Written from how people write, NOT from what the engine understands: a message the engine
 * gets wrong stays here with the right answer (bench/eval.ts reports it as a failure).
 *
 * All dates are relative to NOW below: Monday 2 March 2026, 09:00 in St Petersburg, 10:00 in
 * Yerevan, 01:00 in New York (the same day everywhere): tomorrow = 03-03 (Tue), Wednesday 03-04,
 * Thursday 03-05, Friday 03-06, Saturday 03-07, next Monday 03-09.
 *
 * `when`: 'YYYY-MM-DD' a day; '…@HH:MM' at; '…>HH:MM' after ("evening" = after 17:00, "afternoon"
 * after 12:00); '…<HH:MM' before ("morning" = before 12:00). Absent = no time stated.
 * `service`: the service id, or several ids when the words fit several equally (the engine
 * should then ask which); absent = no service named.
 * `kb`: a question for the knowledge base — a catalog topic (answered from the services, hours
 * and address) or 'owner' (only an owner's Q&A entry can answer it: parking, payment, …), with
 * `owner` the topic of the entry that should answer it (bench/eval/owner-kb.ts seeds them).
 * Scored only where the message is about booking/prices (intent, service, time) or kb.
 */
export const NOW = Date.parse('2026-03-02T06:00:00Z');

export type Site = 'demo-salon-spb' | 'demo-clinic-yerevan' | 'demo-barber-nyc';
export type EvalIntent = 'book' | 'prices' | 'human' | 'my_booking' | 'other';
export type EvalKb = 'duration' | 'who' | 'hours' | 'address' | 'owner';
export type OwnerTopic = 'parking' | 'payment' | 'preparation' | 'walkin';

export interface EvalMessage {
  lang: 'ru' | 'hy' | 'en';
  site: Site;
  text: string;
  intent: EvalIntent;
  service?: string | string[];
  when?: string;
  kb?: EvalKb;
  owner?: OwnerTopic;
}

const S = 'demo-salon-spb' as const;
const C = 'demo-clinic-yerevan' as const;
const B = 'demo-barber-nyc' as const;
const HAIRCUTS = ['salon-haircut-women', 'salon-haircut-men'];

export const MESSAGES: EvalMessage[] = [
  // ---------------------------------------------------------------- ru
  { lang: 'ru', site: S, text: 'Здравствуйте, хочу записаться на маникюр в пятницу', intent: 'book', service: 'salon-manicure', when: '2026-03-06' },
  { lang: 'ru', site: S, text: 'zapisatsya na strijku zavtra', intent: 'book', service: HAIRCUTS, when: '2026-03-03' },
  { lang: 'ru', site: S, text: 'можно на окрашивание в субботу после обеда?', intent: 'book', service: 'salon-coloring', when: '2026-03-07>12:00' },
  { lang: 'ru', site: S, text: 'скока стоит маникюр', intent: 'prices', service: 'salon-manicure' },
  { lang: 'ru', site: S, text: 'сколько стоит окрашивание на длинные волосы', intent: 'prices', service: 'salon-coloring' },
  { lang: 'ru', site: S, text: 'цена мужской стрижки?', intent: 'prices', service: 'salon-haircut-men' },
  { lang: 'ru', site: S, text: 'почём стрижка', intent: 'prices', service: HAIRCUTS },
  { lang: 'ru', site: S, text: 'запишите меня к Анне на завтра', intent: 'book', when: '2026-03-03' },
  { lang: 'ru', site: S, text: 'хочу отменить запись', intent: 'my_booking' },
  { lang: 'ru', site: S, text: 'перенесите мою запись на четверг пожалуйста', intent: 'my_booking' },
  { lang: 'ru', site: S, text: 'можно поговорить с администратором', intent: 'human' },
  { lang: 'ru', site: S, text: 'позовите человека', intent: 'human' },
  { lang: 'ru', site: S, text: 'перезвоните мне пожалуйста 89111234567', intent: 'human' },
  { lang: 'ru', site: S, text: 'где вы находитесь?', intent: 'other', kb: 'address' },
  { lang: 'ru', site: S, text: 'до скольки работаете в воскресенье', intent: 'other', kb: 'hours' },
  { lang: 'ru', site: S, text: 'сколько длится окрашивание', intent: 'other', kb: 'duration', service: 'salon-coloring' },
  { lang: 'ru', site: S, text: 'кто делает маникюр', intent: 'other', kb: 'who', service: 'salon-manicure' },
  { lang: 'ru', site: S, text: 'есть парковка рядом?', intent: 'other', kb: 'owner', owner: 'parking' },
  { lang: 'ru', site: S, text: 'а картой можно оплатить', intent: 'other', kb: 'owner', owner: 'payment' },
  { lang: 'ru', site: S, text: 'спасибо!', intent: 'other' },
  { lang: 'ru', site: S, text: 'привет', intent: 'other' },
  { lang: 'ru', site: S, text: 'хачу записатся на маникур', intent: 'book', service: 'salon-manicure' },
  { lang: 'ru', site: S, text: 'запишите на женскую стрижку в среду вечером', intent: 'book', service: 'salon-haircut-women', when: '2026-03-04>17:00' },
  { lang: 'ru', site: S, text: 'можно завтра к 11?', intent: 'book', when: '2026-03-03@11:00' },
  { lang: 'ru', site: S, text: 'свободно сегодня после 6?', intent: 'book', when: '2026-03-02>18:00' },
  { lang: 'ru', site: S, text: 'есть окошко на ногти в чт?', intent: 'book', service: 'salon-manicure', when: '2026-03-05' },
  { lang: 'ru', site: S, text: 'нужна мужская стрижка под машинку', intent: 'book', service: 'salon-haircut-men' },
  { lang: 'ru', site: S, text: 'покрасить волосы сколько будет стоить', intent: 'prices', service: 'salon-coloring' },
  { lang: 'ru', site: S, text: 'прайс есть?', intent: 'prices' },
  { lang: 'ru', site: S, text: 'сколько стоит гель лак', intent: 'prices', service: 'salon-manicure' },
  { lang: 'ru', site: S, text: 'запись на окраску на 10 марта', intent: 'book', service: 'salon-coloring', when: '2026-03-10' },
  { lang: 'ru', site: S, text: 'хочу к Ольге на маникюр в субботу утром', intent: 'book', service: 'salon-manicure', when: '2026-03-07<12:00' },
  { lang: 'ru', site: S, text: 'у меня запись на пятницу, не смогу прийти', intent: 'my_booking' },
  { lang: 'ru', site: S, text: 'отмените пожалуйста мою запись на завтра', intent: 'my_booking' },
  { lang: 'ru', site: S, text: 'во сколько у меня запись?', intent: 'my_booking' },
  { lang: 'ru', site: S, text: 'оператор', intent: 'human' },
  { lang: 'ru', site: S, text: 'живой человек есть?', intent: 'human' },
  { lang: 'ru', site: B, text: 'сколько стоит стрижка с бородой', intent: 'prices', service: 'barber-combo' },
  { lang: 'ru', site: B, text: 'хочу побриться горячим полотенцем в субботу', intent: 'book', service: 'barber-shave', when: '2026-03-07' },
  { lang: 'ru', site: B, text: 'бороду подровнять завтра вечером можно?', intent: 'book', service: 'barber-beard', when: '2026-03-03>17:00' },
  { lang: 'ru', site: C, text: 'хочу записаться на чистку зубов', intent: 'book', service: 'clinic-cleaning' },
  { lang: 'ru', site: C, text: 'сколько стоит пломба', intent: 'prices', service: 'clinic-filling' },
  { lang: 'ru', site: C, text: 'болит зуб, можно сегодня?', intent: 'book', when: '2026-03-02' },
  { lang: 'ru', site: C, text: 'консультация по импланту цена', intent: 'prices', service: 'clinic-implant-consult' },
  { lang: 'ru', site: C, text: 'на первичный осмотр во вторник в 10', intent: 'book', service: 'clinic-checkup', when: '2026-03-03@10:00' },
  { lang: 'ru', site: C, text: 'сколько по времени длится чистка', intent: 'other', kb: 'duration', service: 'clinic-cleaning' },
  { lang: 'ru', site: S, text: 'хочу записаться на manicure завтра', intent: 'book', service: 'salon-manicure', when: '2026-03-03' },
  { lang: 'ru', site: S, text: 'можно booking на пятницу?', intent: 'book', when: '2026-03-06' },
  { lang: 'ru', site: S, text: 'skolko stoit manikur', intent: 'prices', service: 'salon-manicure' },
  { lang: 'ru', site: S, text: 'mozhno zapisatsya na pyatnitsu', intent: 'book', when: '2026-03-06' },
  { lang: 'ru', site: S, text: 'kak otmenit zapis', intent: 'my_booking' },
  { lang: 'ru', site: S, text: 'hochu pogovorit s menedzherom', intent: 'human' },
  { lang: 'ru', site: S, text: 'gde vy nahodites', intent: 'other', kb: 'address' },
  { lang: 'ru', site: S, text: 'ок', intent: 'other' },
  { lang: 'ru', site: S, text: 'записаться', intent: 'book' },
  { lang: 'ru', site: S, text: 'записываюсь на покраску корней послезавтра в 12', intent: 'book', service: 'salon-coloring', when: '2026-03-04@12:00' },
  { lang: 'ru', site: S, text: 'а в выходные работаете?', intent: 'other', kb: 'hours' },
  { lang: 'ru', site: S, text: 'блин опаздываю минут на 15 на свою запись', intent: 'my_booking' },
  { lang: 'ru', site: S, text: 'записаться на маник в чт в 5 вечера', intent: 'book', service: 'salon-manicure', when: '2026-03-05@17:00' },
  { lang: 'ru', site: S, text: 'как подготовиться к окрашиванию?', intent: 'other', service: 'salon-coloring', kb: 'owner', owner: 'preparation' },
  { lang: 'ru', site: S, text: 'можно приехать на машине?', intent: 'other', kb: 'owner', owner: 'parking' },
  { lang: 'ru', site: C, text: 'принимаете оплату картой?', intent: 'other', kb: 'owner', owner: 'payment' },
  { lang: 'ru', site: S, text: 'здрасте а есть время сегодня вечером на стрижку', intent: 'book', service: HAIRCUTS, when: '2026-03-02>17:00' },

  // Added 21:40 UTC with the rules for approximate times, hours in words, a day of the month alone
  // and misspelt weekdays (held-out set 1 showed these classes; these are other phrases).
  { lang: 'ru', site: S, text: 'можно на маникюр завтра около трёх?', intent: 'book', service: 'salon-manicure', when: '2026-03-03@15:00' },
  { lang: 'ru', site: S, text: 'запишите на окрашивание 12-го', intent: 'book', service: 'salon-coloring', when: '2026-03-12' },
  { lang: 'ru', site: S, text: 'хочу записаться в четрвег часа в 4', intent: 'book', when: '2026-03-05@16:00' },
  { lang: 'ru', site: S, text: 'mozhno na manikur v pyatnicu v dva', intent: 'book', service: 'salon-manicure', when: '2026-03-06@14:00' },
  // Added 22:00 UTC with the rule for questions about how to come (preparation, walk-ins).
  { lang: 'ru', site: S, text: 'а можно прийти без записи?', intent: 'other' },
  // Added 22:10 UTC with related words and "the owner's question asked in full" in the knowledge-base search.
  { lang: 'ru', site: S, text: 'как подготовиться к покраске?', intent: 'other', service: 'salon-coloring', kb: 'owner', owner: 'preparation' },
  { lang: 'ru', site: S, text: 'а припарковаться рядом с вами реально?', intent: 'other', kb: 'owner', owner: 'parking' },
  // Added 22:20 UTC with service words: verb forms, compounds, Latin spellings, "mens" for "Men's".
  { lang: 'ru', site: S, text: 'сколько стоит покрасить корни', intent: 'prices', service: 'salon-coloring' },
  { lang: 'ru', site: C, text: 'нужна профчистка в среду', intent: 'book', service: 'clinic-cleaning', when: '2026-03-04' },
  // ---------------------------------------------------------------- hy
  { lang: 'hy', site: C, text: 'Ուզում եմ գրանցվել ատամների մաքրման', intent: 'book', service: 'clinic-cleaning' },
  { lang: 'hy', site: C, text: 'uzum em grancvel vaxy', intent: 'book', when: '2026-03-03' },
  { lang: 'hy', site: C, text: 'Ինչ արժե լցավորումը', intent: 'prices', service: 'clinic-filling' },
  { lang: 'hy', site: C, text: 'inch arji plomben', intent: 'prices', service: 'clinic-filling' },
  { lang: 'hy', site: C, text: 'Քանի՞ արժե առաջնային զննումը', intent: 'prices', service: 'clinic-checkup' },
  { lang: 'hy', site: C, text: 'Ուզում եմ գրանցվել վաղը ժամը 11-ին', intent: 'book', when: '2026-03-03@11:00' },
  { lang: 'hy', site: C, text: 'կարելի՞ է ուրբաթ օրը', intent: 'book', when: '2026-03-06' },
  { lang: 'hy', site: C, text: 'Ուզում եմ չեղարկել գրանցումս', intent: 'my_booking' },
  { lang: 'hy', site: C, text: 'ուզում եմ տեղափոխել այցս', intent: 'my_booking' },
  { lang: 'hy', site: C, text: 'Կարո՞ղ եմ խոսել ադմինիստրատորի հետ', intent: 'human' },
  { lang: 'hy', site: C, text: 'զանգեք ինձ, խնդրում եմ', intent: 'human' },
  { lang: 'hy', site: C, text: 'Որտե՞ղ եք գտնվում', intent: 'other', kb: 'address' },
  { lang: 'hy', site: C, text: 'Շաբաթ օրը աշխատում եք?', intent: 'other', kb: 'hours' },
  { lang: 'hy', site: C, text: 'Որքա՞ն է տևում մաքրումը', intent: 'other', kb: 'duration', service: 'clinic-cleaning' },
  { lang: 'hy', site: C, text: 'Ով է անում իմպլանտացիայի խորհրդատվությունը', intent: 'other', kb: 'who', service: 'clinic-implant-consult' },
  { lang: 'hy', site: C, text: 'Շնորհակալություն', intent: 'other' },
  { lang: 'hy', site: C, text: 'Բարև', intent: 'other' },
  { lang: 'hy', site: C, text: 'parking ka?', intent: 'other', kb: 'owner', owner: 'parking' },
  { lang: 'hy', site: C, text: 'kartov karox em vcharel?', intent: 'other', kb: 'owner', owner: 'payment' },
  { lang: 'hy', site: C, text: 'atams cavum a, aysor kareli e gal?', intent: 'book', when: '2026-03-02' },
  { lang: 'hy', site: C, text: 'grancvel plomb dnelu hamar', intent: 'book', service: 'clinic-filling' },
  { lang: 'hy', site: C, text: 'mi hat harc unem', intent: 'other' },
  { lang: 'hy', site: C, text: 'Ինձ պետք է ատամի լցավորում հինգշաբթի', intent: 'book', service: 'clinic-filling', when: '2026-03-05' },
  { lang: 'hy', site: C, text: 'գինը ինչքան է մաքրման', intent: 'prices', service: 'clinic-cleaning' },
  { lang: 'hy', site: C, text: 'Ինչքա՞ն արժե իմպլանտի կոնսուլտացիան', intent: 'prices', service: 'clinic-implant-consult' },
  { lang: 'hy', site: C, text: 'Ուզում եմ գրանցվել երեքշաբթի առավոտյան', intent: 'book', when: '2026-03-03<12:00' },
  { lang: 'hy', site: C, text: 'Կարո՞ղ եմ գալ վաղը երեկոյան', intent: 'book', when: '2026-03-03>17:00' },
  { lang: 'hy', site: C, text: 'ուզում եմ բժշկի հետ խոսել', intent: 'human' },
  { lang: 'hy', site: S, text: 'Ուզում եմ մատնահարդարում շաբաթ օրը', intent: 'book', service: 'salon-manicure', when: '2026-03-07' },
  { lang: 'hy', site: S, text: 'Քանի՞ արժե կանացի սանրվածքը', intent: 'prices', service: 'salon-haircut-women' },
  { lang: 'hy', site: S, text: 'մազերի ներկում ինչ արժե', intent: 'prices', service: 'salon-coloring' },
  { lang: 'hy', site: B, text: 'Ուզում եմ սափրվել տաք սրբիչով', intent: 'book', service: 'barber-shave' },
  { lang: 'hy', site: B, text: 'մորուքս ձևավորել վաղը', intent: 'book', service: 'barber-beard', when: '2026-03-03' },
  { lang: 'hy', site: C, text: 'inchqan arji maqrum@', intent: 'prices', service: 'clinic-cleaning' },
  { lang: 'hy', site: C, text: 'vonc grancvem', intent: 'book' },
  { lang: 'hy', site: C, text: 'uzum em chexarkel grancums', intent: 'my_booking' },
  { lang: 'hy', site: C, text: 'xndrum em zangeq', intent: 'human' },
  { lang: 'hy', site: C, text: 'vortex eq gtnvum', intent: 'other', kb: 'address' },
  { lang: 'hy', site: C, text: 'minchev qani@ eq ashxatum', intent: 'other', kb: 'hours' },
  { lang: 'hy', site: C, text: 'Ուզում եմ записаться վաղը', intent: 'book', when: '2026-03-03' },
  { lang: 'hy', site: C, text: 'barev dzez, uzum em grancvel atamnabuyjin', intent: 'book' },
  { lang: 'hy', site: C, text: 'ատամս ցավում է, կարո՞ղ եմ այսօր գալ', intent: 'book', when: '2026-03-02' },
  { lang: 'hy', site: C, text: 'Ես գրանցված եմ ուրբաթ, կարող եմ ուշանալ', intent: 'my_booking' },
  { lang: 'hy', site: C, text: 'Իմ այցը ե՞րբ է', intent: 'my_booking' },
  { lang: 'hy', site: C, text: 'Օպերատոր', intent: 'human' },
  { lang: 'hy', site: C, text: 'ուզում եմ մարդու հետ խոսել', intent: 'human' },
  { lang: 'hy', site: C, text: 'Ուզում եմ գրանցվել հաջորդ երկուշաբթի', intent: 'book', when: '2026-03-09' },
  { lang: 'hy', site: C, text: 'Ուզում եմ գրանցվել մարտի 10-ին ժամը 3-ին', intent: 'book', when: '2026-03-10@15:00' },
  { lang: 'hy', site: C, text: 'լավ', intent: 'other' },
  { lang: 'hy', site: C, text: 'Ինչ արժե զննումը', intent: 'prices', service: 'clinic-checkup' },
  { lang: 'hy', site: C, text: 'gin@ qani a', intent: 'prices' },
  { lang: 'hy', site: C, text: 'vaxy zhamy 5in kareli e?', intent: 'book', when: '2026-03-03@17:00' },
  { lang: 'hy', site: S, text: 'Սանրվածք եմ ուզում վաղը', intent: 'book', service: HAIRCUTS, when: '2026-03-03' },
  { lang: 'hy', site: C, text: 'Ինչքա՞ն ժամանակ է տևում լցավորումը', intent: 'other', kb: 'duration', service: 'clinic-filling' },
  { lang: 'hy', site: C, text: 'կարելի՞ է քարտով վճարել', intent: 'other', kb: 'owner', owner: 'payment' },
  { lang: 'hy', site: C, text: 'ինչպես պատրաստվեմ մաքրմանը', intent: 'other', service: 'clinic-cleaning', kb: 'owner', owner: 'preparation' },
  { lang: 'hy', site: C, text: 'մեքենան որտեղ թողնեմ', intent: 'other', kb: 'owner', owner: 'parking' },
  { lang: 'hy', site: C, text: 'Ուզում եմ գրանցվել զննման չորեքշաբթի ժամը 2-ին', intent: 'book', service: 'clinic-checkup', when: '2026-03-04@14:00' },

  // Added 21:40 UTC (see the ru block): approximate times, a day of the month, weekdays and day parts in Latin letters.
  { lang: 'hy', site: C, text: 'կարելի՞ է գալ հինգշաբթի ժամը 4-ի մոտ', intent: 'book', when: '2026-03-05@16:00' },
  { lang: 'hy', site: C, text: 'uzum em grancvel znnman amsi 20-in', intent: 'book', service: 'clinic-checkup', when: '2026-03-20' },
  { lang: 'hy', site: C, text: 'choreqshabti yerekoyan azat jam ka?', intent: 'book', when: '2026-03-04>17:00' },
  { lang: 'hy', site: C, text: 'Երկուշաբթի բաց եք՞', intent: 'other', kb: 'hours' },
  { lang: 'hy', site: C, text: 'mashinov em, kayanatex uneq?', intent: 'other', kb: 'owner', owner: 'parking' },
  { lang: 'hy', site: S, text: 'manikyur anel kuzei vaxy', intent: 'book', service: 'salon-manicure', when: '2026-03-03' },
  // ---------------------------------------------------------------- en
  { lang: 'en', site: B, text: 'can i get a haircut tomorrow at 3', intent: 'book', service: 'barber-haircut', when: '2026-03-03@15:00' },
  { lang: 'en', site: B, text: 'how much for a beard trim', intent: 'prices', service: 'barber-beard' },
  { lang: 'en', site: B, text: 'wanna book a fade sat morning', intent: 'book', service: 'barber-haircut', when: '2026-03-07<12:00' },
  { lang: 'en', site: B, text: 'any openings today after 5?', intent: 'book', when: '2026-03-02>17:00' },
  { lang: 'en', site: B, text: 'hot towel shave price?', intent: 'prices', service: 'barber-shave' },
  { lang: 'en', site: B, text: 'price list pls', intent: 'prices' },
  { lang: 'en', site: B, text: 'how much is haircut and beard', intent: 'prices', service: 'barber-combo' },
  { lang: 'en', site: B, text: 'cancel my appointment', intent: 'my_booking' },
  { lang: 'en', site: B, text: 'need to reschedule my appt', intent: 'my_booking' },
  { lang: 'en', site: B, text: 'what time is my booking', intent: 'my_booking' },
  { lang: 'en', site: B, text: 'can i talk to a real person', intent: 'human' },
  { lang: 'en', site: B, text: 'call me back plz', intent: 'human' },
  { lang: 'en', site: B, text: 'where r u located', intent: 'other', kb: 'address' },
  { lang: 'en', site: B, text: 'what are your hours on sunday', intent: 'other', kb: 'hours' },
  { lang: 'en', site: B, text: 'how long does a beard trim take', intent: 'other', kb: 'duration', service: 'barber-beard' },
  { lang: 'en', site: B, text: 'who does the hot towel shave', intent: 'other', kb: 'who', service: 'barber-shave' },
  { lang: 'en', site: B, text: 'do you take cash?', intent: 'other', kb: 'owner', owner: 'payment' },
  { lang: 'en', site: B, text: 'is there parking', intent: 'other', kb: 'owner', owner: 'parking' },
  { lang: 'en', site: B, text: 'thanks!', intent: 'other' },
  { lang: 'en', site: B, text: 'hi', intent: 'other' },
  { lang: 'en', site: B, text: 'hey can i book w marcus friday', intent: 'book', when: '2026-03-06' },
  { lang: 'en', site: B, text: 'apointment for haircut tommorow', intent: 'book', service: 'barber-haircut', when: '2026-03-03' },
  { lang: 'en', site: B, text: 'do u have anything on wed evening', intent: 'book', when: '2026-03-04>17:00' },
  { lang: 'en', site: B, text: 'how much is a kids haircut', intent: 'prices', service: 'barber-haircut' },
  { lang: 'en', site: B, text: 'book me in for 4pm', intent: 'book', when: '2026-03-02@16:00' },
  { lang: 'en', site: B, text: 'can I come in at 10:30 tomorrow', intent: 'book', when: '2026-03-03@10:30' },
  { lang: 'en', site: B, text: 'yo whats the price for a lineup', intent: 'prices', service: 'barber-haircut' },
  { lang: 'en', site: B, text: 'beard trim thursday 2pm', intent: 'book', service: 'barber-beard', when: '2026-03-05@14:00' },
  { lang: 'en', site: B, text: "i'd like to schedule a haircut for march 12", intent: 'book', service: 'barber-haircut', when: '2026-03-12' },
  { lang: 'en', site: B, text: 'running 10 min late for my appointment', intent: 'my_booking' },
  { lang: 'en', site: B, text: 'need to cancel', intent: 'my_booking' },
  { lang: 'en', site: B, text: 'speak to manager', intent: 'human' },
  { lang: 'en', site: B, text: 'operator', intent: 'human' },
  { lang: 'en', site: B, text: "what's your address", intent: 'other', kb: 'address' },
  { lang: 'en', site: B, text: 'are you open on saturday', intent: 'other', kb: 'hours' },
  { lang: 'en', site: S, text: 'how much is gel manicure', intent: 'prices', service: 'salon-manicure' },
  { lang: 'en', site: S, text: 'book womens haircut saturday', intent: 'book', service: 'salon-haircut-women', when: '2026-03-07' },
  { lang: 'en', site: S, text: 'hair color price', intent: 'prices', service: 'salon-coloring' },
  { lang: 'en', site: S, text: 'how long does colouring take', intent: 'other', kb: 'duration', service: 'salon-coloring' },
  { lang: 'en', site: C, text: 'i need a teeth cleaning appointment', intent: 'book', service: 'clinic-cleaning' },
  { lang: 'en', site: C, text: 'how much is a filling', intent: 'prices', service: 'clinic-filling' },
  { lang: 'en', site: C, text: 'tooth ache, can i come today', intent: 'book', when: '2026-03-02' },
  { lang: 'en', site: C, text: 'implant consult cost?', intent: 'prices', service: 'clinic-implant-consult' },
  { lang: 'en', site: C, text: 'checkup on tuesday morning pls', intent: 'book', service: 'clinic-checkup', when: '2026-03-03<12:00' },
  { lang: 'en', site: B, text: 'can i book стрижка tomorrow', intent: 'book', service: 'barber-haircut', when: '2026-03-03' },
  { lang: 'en', site: B, text: 'ok', intent: 'other' },
  { lang: 'en', site: B, text: 'hw mch 4 a shave', intent: 'prices', service: 'barber-shave' },
  { lang: 'en', site: B, text: 'do u do walk ins', intent: 'other', kb: 'owner', owner: 'walkin' },
  { lang: 'en', site: B, text: 'can my son get a haircut after school tmrw', intent: 'book', service: 'barber-haircut', when: '2026-03-03' },
  { lang: 'en', site: B, text: 'need a cut asap', intent: 'book', service: 'barber-haircut' },
  { lang: 'en', site: B, text: 'whats the earliest u got tomorrow', intent: 'book', when: '2026-03-03' },
  { lang: 'en', site: B, text: 'how much', intent: 'prices' },
  { lang: 'en', site: B, text: 'I want to make an appointment', intent: 'book' },
  { lang: 'en', site: B, text: 'haircut + beard on saturday at 11am', intent: 'book', service: 'barber-combo', when: '2026-03-07@11:00' },
  { lang: 'en', site: C, text: 'who does the implant consultation', intent: 'other', kb: 'who', service: 'clinic-implant-consult' },
  { lang: 'en', site: S, text: 'Is Anna available next monday evening', intent: 'book', when: '2026-03-09>17:00' },
  { lang: 'en', site: B, text: 'pls cancel my booking for tmrw', intent: 'my_booking' },
  { lang: 'en', site: B, text: 'can someone call me', intent: 'human' },
  { lang: 'en', site: B, text: 'where can i park my car', intent: 'other', kb: 'owner', owner: 'parking' },
  { lang: 'en', site: B, text: 'can i pay with apple pay', intent: 'other', kb: 'owner', owner: 'payment' },
  { lang: 'en', site: S, text: 'do you accept credit cards', intent: 'other', kb: 'owner', owner: 'payment' },
  // Added 21:40 UTC (see the ru block).
  { lang: 'en', site: B, text: 'can i get a beard trim on the 3rd at about 4', intent: 'book', service: 'barber-beard', when: '2026-03-03@16:00' },
  { lang: 'en', site: B, text: 'haircut wendsday 5ish', intent: 'book', service: 'barber-haircut', when: '2026-03-04@17:00' },
  { lang: 'en', site: S, text: 'any openings satruday at two?', intent: 'book', when: '2026-03-07@14:00' },
  { lang: 'en', site: B, text: 'do you guys accept walk ins', intent: 'other', kb: 'owner', owner: 'walkin' },
  { lang: 'en', site: B, text: 'is paying with zelle an option', intent: 'other', kb: 'owner', owner: 'payment' },
  { lang: 'en', site: S, text: 'womens haircut price', intent: 'prices', service: 'salon-haircut-women' },
];
