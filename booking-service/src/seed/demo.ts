/**
 * The three demo businesses from PRODUCT.md. Idempotent: running it again updates the rows
 * in place and never duplicates them. Demo data only — main.ts seeds it (seed/ensure-demo.ts) for the embedded
 * database (or when SEED_DEMO=true), never silently into a real PostgreSQL deployment.
 */
import type { WeeklyHours } from '@frontdesk/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../adapters/db/client.js';
import { businesses, serviceStaff, services, sites, staff, staffExceptions, users, type WidgetConfigJson } from '../adapters/db/schema.js';
import { demoQuoteTrees } from './quote-trees.js';

/** Password of every demo console account (README, "Console"). Demo data only. */
export const DEMO_PASSWORD = 'frontdesk-demo';

/**
 * The argon2id PHC string of DEMO_PASSWORD (console/passwords.ts parameters), made once and kept
 * here: hashing at every start cost ~0.6 s of CPU and left hash-wasm's 19 MiB of WebAssembly memory
 * resident in the idle service (issue 19, quick and lean start). The password is public, so a
 * fixed salt hides nothing; a password changed in the console gets its own salt as always.
 * src/seed/demo.test.ts checks that it verifies.
 */
export const DEMO_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$gsAkcKLB8Kgej7GZyIcbag$ku2capI5Dtyc2y8RfCpx/GS27w1YNu1fSHGdrPSnAi4';

/** Tables the seed writes: a fresh database gets planner statistics for them (not the catalogues). */
const SEEDED_TABLES = sql`businesses, sites, staff, services, service_staff, staff_exceptions, users`;

/** Any local page may embed the demo widgets. Real sites list their exact origins. */
export const LOOPBACK_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'];

type Biz = typeof businesses.$inferInsert;
type Svc = Omit<typeof services.$inferInsert, 'businessId' | 'currency'> & { staff: string[] };
type Person = Omit<typeof staff.$inferInsert, 'businessId'>;

interface DemoBusiness {
  business: Biz;
  siteKey: string;
  /** The owner's own name: the console greets and signs with it (never the role "Owner"). */
  ownerName: string;
  widget: Omit<WidgetConfigJson, 'quoteTrees'>;
  services: Svc[];
  staff: Person[];
  exceptions: Array<Omit<typeof staffExceptions.$inferInsert, 'businessId'>>;
}

const days = (ids: Array<1 | 2 | 3 | 4 | 5 | 6 | 7>, ...ranges: Array<[string, string]>): WeeklyHours =>
  Object.fromEntries(ids.map((d) => [String(d), ranges.map(([start, end]) => ({ start, end }))]));

const merge = (...parts: WeeklyHours[]): WeeklyHours => Object.assign({}, ...parts) as WeeklyHours;

const defaultIntents: WidgetConfigJson['intents'] = [
  { id: 'prices' },
  { id: 'book' },
  { id: 'human' },
  { id: 'my_booking' },
  { id: 'other' },
];

export const DEMO: DemoBusiness[] = [
  {
    business: {
      id: 'biz-salon-spb',
      name: 'Салон красоты «Лаванда»',
      address: 'Санкт-Петербург, ул. Рубинштейна, 15',
      phone: '+7 812 555-01-23',
      timeZone: 'Europe/Moscow',
      currency: 'RUB',
      defaultLang: 'ru',
      languages: ['ru', 'en', 'hy'],
      openingHours: merge(days([1, 2, 3, 4, 5, 6], ['10:00', '21:00']), days([7], ['11:00', '19:00'])),
      minNoticeMin: 120,
      horizonDays: 60,
      slotStepMin: 15,
      holdMinutes: 10,
      cancellationWindowMin: 180,
      notifyEmail: 'owner@demo-salon-spb.demo',
      whatToBring: {
        ru: 'Приходите за 5 минут до начала. Для окрашивания — фото желаемого результата.',
        en: 'Please arrive 5 minutes early. For colouring, bring a photo of the look you want.',
        hy: 'Խնդրում ենք գալ 5 րոպե շուտ։ Ներկման համար բերեք ցանկալի արդյունքի լուսանկարը։',
      },
    },
    siteKey: 'demo-salon-spb',
    ownerName: 'Екатерина Волкова',
    widget: {
      color: '#7c3aed',
      position: 'right',
      greeting: {
        ru: 'Здравствуйте! Я помогу узнать цену и записаться — в любое время.',
        en: 'Hello! I can tell you prices and book you in — any time of day.',
        hy: 'Բարև Ձեզ։ Կօգնեմ իմանալ գինը և գրանցվել՝ օրվա ցանկացած ժամի։',
      },
      intents: defaultIntents,
    },
    staff: [
      { id: 'salon-anna', name: 'Анна Смирнова', weeklyHours: days([1, 2, 3, 4, 5], ['10:00', '19:00']), sort: 1 },
      { id: 'salon-maria', name: 'Мария Иванова', weeklyHours: days([2, 3, 4, 5, 6], ['12:00', '21:00']), sort: 2 },
      {
        id: 'salon-olga',
        name: 'Ольга Петрова',
        weeklyHours: merge(days([3, 4, 5, 6], ['10:00', '14:00'], ['15:00', '19:00']), days([7], ['11:00', '19:00'])),
        sort: 3,
      },
    ],
    services: [
      {
        id: 'salon-haircut-women',
        names: { ru: 'Женская стрижка', en: "Women's haircut", hy: 'Կանացի սանրվածք' },
        durationMin: 60,
        bufferAfterMin: 10,
        priceMin: 2500,
        priceMax: 4500,
        sort: 1,
        staff: ['salon-anna', 'salon-maria', 'salon-olga'],
      },
      {
        id: 'salon-haircut-men',
        names: { ru: 'Мужская стрижка', en: "Men's haircut", hy: 'Տղամարդու սանրվածք' },
        durationMin: 45,
        bufferAfterMin: 5,
        priceMin: 1800,
        priceMax: null,
        sort: 2,
        staff: ['salon-anna', 'salon-maria'],
      },
      {
        id: 'salon-coloring',
        names: { ru: 'Окрашивание', en: 'Hair colouring', hy: 'Մազերի ներկում' },
        durationMin: 150,
        bufferAfterMin: 15,
        priceMin: 5000,
        priceMax: 12000,
        sort: 3,
        staff: ['salon-anna', 'salon-maria'],
      },
      {
        id: 'salon-manicure',
        names: { ru: 'Маникюр с покрытием', en: 'Manicure with gel polish', hy: 'Մատնահարդարում՝ ծածկույթով' },
        durationMin: 90,
        bufferAfterMin: 10,
        priceMin: 2200,
        priceMax: null,
        sort: 4,
        staff: ['salon-olga'],
      },
    ],
    exceptions: [{ id: 'salon-ny-2027', staffId: 'salon-anna', date: '2027-01-01', kind: 'off' }],
  },
  {
    business: {
      id: 'biz-clinic-yerevan',
      name: '«Ժպիտ» ստոմատոլոգիական կլինիկա',
      address: 'Երևան, Աբովյան փողոց 24',
      phone: '+374 10 555 123',
      timeZone: 'Asia/Yerevan',
      currency: 'AMD',
      defaultLang: 'hy',
      languages: ['hy', 'ru', 'en'],
      openingHours: merge(days([1, 2, 3, 4, 5], ['09:00', '19:00']), days([6], ['10:00', '15:00'])),
      minNoticeMin: 240,
      horizonDays: 90,
      slotStepMin: 30,
      holdMinutes: 10,
      cancellationWindowMin: 1440,
      notifyEmail: 'owner@demo-clinic-yerevan.demo',
      whatToBring: {
        hy: 'Վերցրեք անձնագիրը և նախորդ ռենտգեն նկարները, եթե ունեք։',
        ru: 'Возьмите паспорт и предыдущие рентгеновские снимки, если есть.',
        en: 'Bring your ID and any previous X-rays.',
      },
    },
    siteKey: 'demo-clinic-yerevan',
    ownerName: 'Նարինե Սարգսյան',
    widget: {
      color: '#0e7490',
      position: 'right',
      greeting: {
        hy: 'Բարև Ձեզ։ Կօգնեմ պարզել ծառայության գինը և ամրագրել այցը։',
        ru: 'Здравствуйте! Помогу узнать стоимость лечения и записаться на приём.',
        en: 'Hello! I can help you with prices and booking a visit.',
      },
      intents: defaultIntents,
    },
    staff: [
      { id: 'clinic-aram', name: 'Դոկտ. Արամ Պետրոսյան', weeklyHours: days([1, 2, 3, 4, 5], ['09:00', '13:00'], ['14:00', '19:00']), sort: 1 },
      {
        id: 'clinic-lilit',
        name: 'Դոկտ. Լիլիթ Հակոբյան',
        weeklyHours: merge(days([1, 3, 5], ['09:00', '18:00']), days([6], ['10:00', '15:00'])),
        sort: 2,
      },
    ],
    services: [
      {
        id: 'clinic-checkup',
        names: { hy: 'Առաջնային զննում', ru: 'Первичный осмотр', en: 'Check-up' },
        durationMin: 30,
        priceMin: 10000,
        priceMax: null,
        sort: 1,
        staff: ['clinic-aram', 'clinic-lilit'],
      },
      {
        id: 'clinic-cleaning',
        names: { hy: 'Ատամների պրոֆեսիոնալ մաքրում', ru: 'Профессиональная чистка', en: 'Professional cleaning' },
        durationMin: 60,
        bufferAfterMin: 15,
        priceMin: 25000,
        priceMax: null,
        sort: 2,
        staff: ['clinic-lilit'],
      },
      {
        id: 'clinic-filling',
        names: { hy: 'Ատամի լցավորում', ru: 'Пломбирование', en: 'Filling' },
        durationMin: 60,
        bufferAfterMin: 15,
        priceMin: 20000,
        priceMax: 45000,
        sort: 3,
        staff: ['clinic-aram', 'clinic-lilit'],
      },
      {
        id: 'clinic-implant-consult',
        names: { hy: 'Իմպլանտացիայի խորհրդատվություն', ru: 'Консультация по имплантации', en: 'Implant consultation' },
        durationMin: 30,
        priceMin: 15000,
        priceMax: null,
        sort: 4,
        staff: ['clinic-aram'],
      },
    ],
    exceptions: [],
  },
  {
    business: {
      id: 'biz-barber-nyc',
      name: 'Bedford Blade Barbershop',
      address: '214 Bedford Ave, Brooklyn, NY 11249',
      phone: '+1 718 555 0142',
      timeZone: 'America/New_York',
      currency: 'USD',
      defaultLang: 'en',
      languages: ['en', 'ru', 'hy'],
      openingHours: merge(days([1, 2, 3, 4, 5], ['10:00', '20:00']), days([6], ['09:00', '18:00']), days([7], ['10:00', '16:00'])),
      minNoticeMin: 60,
      horizonDays: 30,
      slotStepMin: 15,
      holdMinutes: 10,
      cancellationWindowMin: 120,
      notifyEmail: 'owner@demo-barber-nyc.demo',
      whatToBring: { en: 'Walk-ins welcome, but booked clients go first.', ru: 'Клиенты по записи обслуживаются в первую очередь.', hy: 'Ամրագրած հաճախորդները սպասարկվում են առաջինը։' },
    },
    siteKey: 'demo-barber-nyc',
    ownerName: 'Jordan Reyes',
    widget: {
      color: '#b45309',
      position: 'right',
      greeting: {
        en: "Hey! Ask me for prices or grab a chair — I'm here 24/7.",
        ru: 'Привет! Спросите цену или запишитесь — я на связи круглосуточно.',
        hy: 'Բարև։ Հարցրեք գինը կամ գրանցվեք՝ ես այստեղ եմ շուրջօրյա։',
      },
      intents: defaultIntents,
    },
    staff: [
      { id: 'barber-marcus', name: 'Marcus', weeklyHours: days([2, 3, 4, 5, 6], ['10:00', '19:00']), sort: 1 },
      { id: 'barber-diego', name: 'Diego', weeklyHours: days([1, 2, 3, 4, 5], ['12:00', '20:00']), sort: 2 },
      { id: 'barber-sam', name: 'Sam', weeklyHours: merge(days([1], ['10:00', '16:00']), days([6], ['09:00', '18:00']), days([7], ['10:00', '16:00'])), sort: 3 },
    ],
    services: [
      { id: 'barber-haircut', names: { en: 'Haircut', ru: 'Стрижка', hy: 'Սանրվածք' }, durationMin: 30, priceMin: 45, priceMax: null, sort: 1, staff: ['barber-marcus', 'barber-diego', 'barber-sam'] },
      { id: 'barber-beard', names: { en: 'Beard trim', ru: 'Оформление бороды', hy: 'Մորուքի ձևավորում' }, durationMin: 20, priceMin: 25, priceMax: null, sort: 2, staff: ['barber-marcus', 'barber-diego', 'barber-sam'] },
      { id: 'barber-combo', names: { en: 'Haircut + beard', ru: 'Стрижка + борода', hy: 'Սանրվածք + մորուք' }, durationMin: 50, priceMin: 65, priceMax: null, sort: 3, staff: ['barber-marcus', 'barber-diego'] },
      { id: 'barber-shave', names: { en: 'Hot towel shave', ru: 'Бритьё с горячим полотенцем', hy: 'Սափրում տաք սրբիչով' }, durationMin: 40, bufferAfterMin: 5, priceMin: 40, priceMax: 55, sort: 4, staff: ['barber-marcus'] },
    ],
    exceptions: [],
  },
];

/** Every demo sign-in `npm start` prints: one owner per business (staff follow `<staffId>@<siteKey>.demo`). */
export function demoSignIns(): Array<{ business: string; email: string; name: string; staffExample: string }> {
  return DEMO.map((d) => ({
    business: d.business.name,
    email: `owner@${d.siteKey}.demo`,
    name: d.ownerName,
    staffExample: `${d.staff[0]?.id ?? 'staff'}@${d.siteKey}.demo`,
  }));
}

export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = DEMO_PASSWORD_HASH;
  await db.transaction(async (tx) => {
    // Several processes may start (and seed) at once against one PostgreSQL.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727002)`);
    for (const d of DEMO) {
      const biz = d.business;
      await tx.insert(businesses).values(biz).onConflictDoUpdate({ target: businesses.id, set: without(biz, 'id') });
      const site = {
        id: `site-${d.siteKey}`,
        businessId: biz.id,
        siteKey: d.siteKey,
        allowedOrigins: LOOPBACK_ORIGINS,
        widget: { ...d.widget, quoteTrees: demoQuoteTrees[d.siteKey] ?? [] },
      };
      await tx.insert(sites).values(site).onConflictDoUpdate({ target: sites.id, set: without(site, 'id') });
      for (const p of d.staff) {
        const row = { ...p, businessId: biz.id };
        await tx.insert(staff).values(row).onConflictDoUpdate({ target: staff.id, set: without(row, 'id') });
      }
      for (const { staff: _staffIds, ...s } of d.services) {
        const row = { bufferBeforeMin: 0, bufferAfterMin: 0, ...s, businessId: biz.id, currency: biz.currency };
        await tx.insert(services).values(row).onConflictDoUpdate({ target: services.id, set: without(row, 'id') });
      }
      await tx.delete(serviceStaff).where(eq(serviceStaff.businessId, biz.id));
      const links = d.services.flatMap((s) => s.staff.map((staffId) => ({ businessId: biz.id, serviceId: s.id, staffId })));
      if (links.length) await tx.insert(serviceStaff).values(links);
      for (const e of d.exceptions) {
        const row = { ...e, businessId: biz.id };
        await tx.insert(staffExceptions).values(row).onConflictDoUpdate({ target: staffExceptions.id, set: without(row, 'id') });
      }
      // Console accounts: owner@<siteKey>.demo and <staffId>@<siteKey>.demo. Inserted once;
      // a password changed in the console survives re-seeding.
      const accounts = [
        { id: `user-owner-${d.siteKey}`, email: `owner@${d.siteKey}.demo`, name: d.ownerName, role: 'owner' as const, staffId: null },
        ...d.staff.map((p) => ({ id: `user-${p.id}`, email: `${p.id}@${d.siteKey}.demo`, name: p.name, role: 'staff' as const, staffId: p.id })),
      ];
      await tx
        .insert(users)
        .values(accounts.map((a) => ({ ...a, businessId: biz.id, passwordHash, lang: biz.defaultLang })))
        .onConflictDoNothing();
      // Databases seeded before owners had names still say "Owner": give them the person's name.
      await tx.update(users).set({ name: d.ownerName }).where(and(eq(users.id, `user-owner-${d.siteKey}`), eq(users.name, 'Owner')));
    }
  });
  // Keeps planner statistics sane after a bulk insert on a fresh database. Only the seeded tables:
  // a database-wide ANALYZE also read every system catalogue (~0.7 s of CPU at each start).
  await db.execute(sql`ANALYZE ${SEEDED_TABLES}`);
}

function without<T extends object, K extends keyof T>(o: T, k: K): Omit<T, K> {
  const { [k]: _drop, ...rest } = o;
  return rest;
}
