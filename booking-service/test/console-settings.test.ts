/**
 * Owner settings over real HTTP: business, services, staff, sites, quote trees. Validation
 * names the field; staff may read but not change (except their own hours and days off).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businesses, sites } from '../src/adapters/db/schema.js';
import { demoQuoteTrees } from '../src/seed/quote-trees.js';
import { consoleFailure, ownerOf, signIn, staffAccount, type ConsoleSessionClient } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

const SALON = 'demo-salon-spb';
const fieldsOf = (e: { data: Record<string, any> }) => (e.data.fields as Array<{ path: string }>).map((f) => f.path);

describe.each(dbKinds)('console settings on %s', (kind) => {
  let h: Harness;
  let owner: ConsoleSessionClient;
  let anna: ConsoleSessionClient;
  beforeAll(async () => {
    h = await createHarness(kind);
    const { url } = await h.http();
    owner = await signIn(url, ownerOf(SALON));
    anna = await signIn(url, staffAccount('salon-anna', SALON));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('business: get, update (brand colour reaches every site), validation by field, owner only', async () => {
    const b = await anna.client.business.get.query();
    expect(b).toMatchObject({ id: 'biz-salon-spb', timeZone: 'Europe/Moscow', currency: 'RUB', brandColor: '#7c3aed', minNoticeMin: 120, reminderLeadsMin: [1440, 120] });
    const updated = await owner.client.business.update.mutate({ name: 'Лаванда', brandColor: '#0f766e', minNoticeMin: 60, reminderLeadsMin: [1440, 120, 10] });
    expect(updated).toMatchObject({ name: 'Лаванда', brandColor: '#0f766e', minNoticeMin: 60, reminderLeadsMin: [1440, 120, 10], address: b.address });
    const [site] = await h.deps.db.select().from(sites).where(eq(sites.siteKey, SALON));
    expect(site!.widget.color).toBe('#0f766e');
    const bad = await consoleFailure(owner.client.business.update.mutate({ timeZone: 'Mars/Olympus', brandColor: 'purple', slotStepMin: 7 }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldsOf(bad).sort()).toEqual(['brandColor', 'slotStepMin', 'timeZone']);
    const lang = await consoleFailure(owner.client.business.update.mutate({ languages: ['en'], defaultLang: 'ru' }));
    expect(fieldsOf(lang)).toEqual(['defaultLang']);
    expect((await consoleFailure(anna.client.business.update.mutate({ name: 'Mine now' }))).code).toBe('FORBIDDEN');
    expect((await owner.client.business.get.query()).name).toBe('Лаванда');
  });

  it('business: closed days and the no-show choice, read and written by the owner, validated by field', async () => {
    const b = await anna.client.business.get.query();
    expect(b).toMatchObject({ closures: [], noShowFreesSlot: false });
    const closures = [
      { from: '2026-12-31', to: '2027-01-02', note: 'New Year' },
      { from: '2026-03-08', to: '2026-03-08', note: '' },
    ];
    const saved = await owner.client.business.update.mutate({ closures, noShowFreesSlot: true });
    // Sorted by date; the rest of the settings untouched.
    expect(saved).toMatchObject({ closures: [closures[1], closures[0]], noShowFreesSlot: true, name: b.name });
    // The closed day offers no slot to visitors.
    expect((await h.caller().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-men', from: '2026-03-08', days: 1 })).slots).toEqual([]);
    expect((await h.caller().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-men', from: '2026-03-09', days: 1 })).slots.length).toBeGreaterThan(0);
    const bad = await consoleFailure(owner.client.business.update.mutate({ closures: [{ from: '2026-05-02', to: '2026-05-01', note: '' }, { from: '2026-02-30', to: '2026-03-01', note: 'x' }] }));
    expect(fieldsOf(bad).sort()).toEqual(['closures.0.to', 'closures.1.from']);
    expect((await consoleFailure(anna.client.business.update.mutate({ closures: [] }))).code).toBe('FORBIDDEN');
    const cleared = await owner.client.business.update.mutate({ closures: [], noShowFreesSlot: false });
    expect(cleared).toMatchObject({ closures: [], noShowFreesSlot: false });
  });

  it('business: opening hours read and written, validated like staff hours, owner only', async () => {
    const b = await anna.client.business.get.query();
    expect(b.openingHours).toMatchObject({ '1': [{ start: '10:00', end: '21:00' }], '7': [{ start: '11:00', end: '19:00' }] });
    const week = { '1': [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '20:00' }], '6': [{ start: '10:00', end: '16:00' }] };
    const saved = await owner.client.business.update.mutate({ openingHours: week });
    expect(saved.openingHours).toEqual(week);
    expect(saved.name).toBe(b.name);
    const [row] = await h.deps.db.select({ h: businesses.openingHours }).from(businesses).where(eq(businesses.id, 'biz-salon-spb'));
    expect(row!.h).toEqual(week);

    const bad = await consoleFailure(
      owner.client.business.update.mutate({
        openingHours: { '1': [{ start: '09:0', end: '13:00' }], '2': [{ start: '18:00', end: '10:00' }], '3': [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '15:00' }] },
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldsOf(bad).sort()).toEqual(['openingHours.1.0.start', 'openingHours.2.0.end', 'openingHours.3']);
    expect(fieldsOf(await consoleFailure(owner.client.business.update.mutate({ openingHours: { '8': [] } as never })))).toEqual(['openingHours']);
    expect((await consoleFailure(anna.client.business.update.mutate({ openingHours: {} }))).code).toBe('FORBIDDEN');
    expect((await owner.client.business.get.query()).openingHours).toEqual(week);
  });

  it('services: list, create, edit, archive; staff must be of this business', async () => {
    const list = await anna.client.services.list.query();
    expect(list.map((s) => s.id)).toContain('salon-haircut-men');
    expect(list.find((s) => s.id === 'salon-haircut-men')!.staffIds.length).toBeGreaterThan(0);
    const created = await owner.client.services.save.mutate({
      names: { ru: 'Укладка', en: 'Styling' },
      descriptions: null,
      durationMin: 45,
      bufferBeforeMin: 0,
      bufferAfterMin: 10,
      priceMin: 1500,
      priceMax: 2500,
      active: true,
      staffIds: ['salon-anna', 'salon-maria'],
    });
    expect(created).toMatchObject({ names: { ru: 'Укладка', en: 'Styling' }, durationMin: 45, staffIds: ['salon-anna', 'salon-maria'] });
    const edited = await owner.client.services.save.mutate({ ...created, priceMax: null, staffIds: ['salon-maria'] });
    expect(edited).toMatchObject({ id: created.id, priceMax: null, staffIds: ['salon-maria'] });
    // The widget offers it (public API), then not once archived.
    expect((await h.caller().site.get({ siteKey: SALON })).services.map((s: { id: string }) => s.id)).toContain(created.id);
    expect(await owner.client.services.archive.mutate({ id: created.id })).toEqual({ ok: true });
    expect((await owner.client.services.list.query()).find((s) => s.id === created.id)!.active).toBe(false);

    const bad = await consoleFailure(owner.client.services.save.mutate({ ...created, id: undefined, names: {}, durationMin: 0, priceMin: 100, priceMax: 50 }));
    expect(fieldsOf(bad).sort()).toEqual(['durationMin', 'names', 'priceMax']);
    const foreign = await consoleFailure(owner.client.services.save.mutate({ ...created, id: undefined, staffIds: ['barber-marcus'] }));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', data: { reason: 'STAFF_NOT_FOUND', field: 'staffIds' } });
    expect((await consoleFailure(anna.client.services.save.mutate({ ...created }))).code).toBe('FORBIDDEN');
    expect((await consoleFailure(anna.client.services.archive.mutate({ id: 'salon-haircut-men' }))).code).toBe('FORBIDDEN');
  });

  it('staff: list with accounts and days off, save, own hours and days off for staff', async () => {
    const list = await anna.client.staff.list.query();
    const annaRow = list.find((s) => s.id === 'salon-anna')!;
    expect(annaRow.account).toEqual({ email: staffAccount('salon-anna', SALON), role: 'staff', invited: false });
    expect(annaRow.daysOff).toContain('2027-01-01');

    const created = await owner.client.staff.save.mutate({ name: 'Вера', timeZone: null, weeklyHours: { '1': [{ start: '10:00', end: '18:00' }] }, active: true });
    expect(created).toMatchObject({ name: 'Вера', account: null, daysOff: [] });
    const bad = await consoleFailure(owner.client.staff.save.mutate({ name: '', timeZone: 'Nowhere/Else', weeklyHours: { '1': [{ start: '18:00', end: '10:00' }], '8': [] } as never, active: true }));
    expect(fieldsOf(bad).sort()).toEqual(expect.arrayContaining(['name', 'timeZone', 'weeklyHours.1.0.end']));

    // Anna edits her own hours and days off …
    const hours = { '1': [{ start: '11:00', end: '15:00' }], '3': [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }] };
    expect(await anna.client.staff.setHours.mutate({ staffId: 'salon-anna', weeklyHours: hours })).toEqual({ ok: true });
    // A Monday she now works 11–15: a day off empties it in the public slot search, and back.
    const monday = () => h.caller().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-men', staffId: 'salon-anna', from: '2026-03-09', days: 1 });
    expect((await monday()).slots.length).toBeGreaterThan(0);
    expect(await anna.client.staff.setDayOff.mutate({ staffId: 'salon-anna', date: '2026-03-09', off: true })).toEqual({ ok: true });
    let mine = (await anna.client.staff.list.query()).find((s) => s.id === 'salon-anna')!;
    expect(mine.weeklyHours).toEqual(hours);
    expect(mine.daysOff).toContain('2026-03-09');
    expect((await monday()).slots).toEqual([]);
    expect(await anna.client.staff.setDayOff.mutate({ staffId: 'salon-anna', date: '2026-03-09', off: false })).toEqual({ ok: true });
    mine = (await anna.client.staff.list.query()).find((s) => s.id === 'salon-anna')!;
    expect(mine.daysOff).not.toContain('2026-03-09');
    expect((await monday()).slots.map((s: { start: string }) => s.start)).toContain('2026-03-09T08:00:00.000Z');
    // … but not a colleague's, nor anything the owner decides.
    expect((await consoleFailure(anna.client.staff.setHours.mutate({ staffId: 'salon-maria', weeklyHours: hours }))).code).toBe('FORBIDDEN');
    expect((await consoleFailure(anna.client.staff.setDayOff.mutate({ staffId: 'salon-maria', date: '2026-03-10', off: true }))).code).toBe('FORBIDDEN');
    expect((await consoleFailure(anna.client.staff.save.mutate({ id: 'salon-anna', name: 'Anna', timeZone: null, weeklyHours: hours, active: true }))).code).toBe('FORBIDDEN');
    expect((await consoleFailure(anna.client.staff.invite.mutate({ email: 'x@y.example', name: 'X', role: 'owner', staffId: null }))).code).toBe('FORBIDDEN');
    // The owner can set anyone's; a bad date names the field.
    expect(await owner.client.staff.setDayOff.mutate({ staffId: 'salon-maria', date: '2026-03-11', off: true })).toEqual({ ok: true });
    expect(fieldsOf(await consoleFailure(owner.client.staff.setDayOff.mutate({ staffId: 'salon-maria', date: '11.03.2026', off: true })))).toEqual(['date']);
  });

  it('sites: list with the snippet and preview, save, create; origins validated', async () => {
    const [site] = await anna.client.sites.list.query();
    expect(site!.siteKey).toBe(SALON);
    expect(site!.snippet).toBe(`<script src="http://localhost:3000/widget.js" data-site="${SALON}" data-color="${site!.widget.color}" data-position="${site!.widget.position}" async></script>`);
    expect(site!.previewUrl).toBe(`http://localhost:3000/console/preview?site=${SALON}`);
    const saved = await owner.client.sites.save.mutate({
      id: site!.id,
      allowedOrigins: ['https://Lavanda.example/', 'http://localhost:*'],
      color: '#123456',
      position: 'left',
      greeting: { ru: 'Привет!' },
    });
    expect(saved.allowedOrigins).toEqual(['https://lavanda.example', 'http://localhost:*']);
    expect(saved.widget).toMatchObject({ color: '#123456', position: 'left', greeting: { ru: 'Привет!' } });
    // The public widget config follows.
    expect((await h.caller('https://lavanda.example').site.get({ siteKey: SALON })).widget).toMatchObject({ color: '#123456', position: 'left' });
    const bad = await consoleFailure(owner.client.sites.save.mutate({ id: site!.id, allowedOrigins: ['lavanda.example/path'], color: '#123456', position: 'left', greeting: {} }));
    expect(fieldsOf(bad).sort()).toEqual(['allowedOrigins.0', 'greeting']);

    // The intent menu: reordered, relabelled, one dropped; the widget's public config follows at once.
    const menu = await owner.client.sites.save.mutate({
      id: site!.id,
      allowedOrigins: saved.allowedOrigins,
      color: '#123456',
      position: 'left',
      greeting: { ru: 'Привет!' },
      intents: [{ id: 'book', label: { ru: '  Записаться онлайн ', en: '' } }, { id: 'prices' }, { id: 'human', label: { ru: '', en: '' } }],
    });
    expect(menu.widget.intents).toEqual([{ id: 'book', label: { ru: 'Записаться онлайн' } }, { id: 'prices' }, { id: 'human' }]);
    const pub = await h.caller('https://lavanda.example').site.get({ siteKey: SALON, lang: 'ru' });
    expect(pub.widget.intents).toEqual([
      { id: 'book', label: 'Записаться онлайн' },
      { id: 'prices', label: null },
      { id: 'human', label: null },
    ]);
    // A label only in Russian: English visitors get the widget's own English wording.
    expect((await h.caller('https://lavanda.example').site.get({ siteKey: SALON, lang: 'en' })).widget.intents[0]).toEqual({ id: 'book', label: null });
    // Without `intents` the menu is left as it is.
    const base = { id: site!.id, allowedOrigins: saved.allowedOrigins, color: '#123456', position: 'left' as const, greeting: { ru: 'Привет!' } };
    expect((await owner.client.sites.save.mutate(base)).widget.intents).toEqual(menu.widget.intents);
    const dupes = await consoleFailure(owner.client.sites.save.mutate({ ...base, intents: [{ id: 'book' }, { id: 'prices', label: { en: 'x'.repeat(61) } }, { id: 'book' }] }));
    expect(dupes.code).toBe('BAD_REQUEST');
    expect(fieldsOf(dupes).sort()).toEqual(['intents.1.label.en', 'intents.2.id']);
    expect(fieldsOf(await consoleFailure(owner.client.sites.save.mutate({ ...base, intents: [] })))).toEqual(['intents']);
    expect(fieldsOf(await consoleFailure(owner.client.sites.save.mutate({ ...base, intents: [{ id: 'faq' as never }] })))).toEqual(['intents.0.id']);
    expect((await consoleFailure(anna.client.sites.save.mutate({ ...base, intents: [{ id: 'book' }] }))).code).toBe('FORBIDDEN');
    expect((await owner.client.sites.list.query())[0]!.widget.intents).toEqual(menu.widget.intents);

    const created = await owner.client.sites.create.mutate({ siteKey: 'lavanda-landing', allowedOrigins: ['https://promo.lavanda.example'] });
    expect(created).toMatchObject({ siteKey: 'lavanda-landing', allowedOrigins: ['https://promo.lavanda.example'] });
    expect(created.snippet).toContain('data-site="lavanda-landing"');
    const dup = await consoleFailure(owner.client.sites.create.mutate({ siteKey: 'demo-barber-nyc', allowedOrigins: [] }));
    expect(dup).toMatchObject({ code: 'CONFLICT', data: { reason: 'SITE_KEY_TAKEN' } });
    const generated = await owner.client.sites.create.mutate({ allowedOrigins: [] });
    expect(generated.siteKey).toMatch(/^site-[0-9a-f]{10}$/);
    expect((await owner.client.sites.list.query()).length).toBe(3);
    expect((await consoleFailure(anna.client.sites.create.mutate({ allowedOrigins: [] }))).code).toBe('FORBIDDEN');
  });

  it('quote trees: get, save (errors name the path), preview evaluates like the widget', async () => {
    const [site] = await owner.client.sites.list.query();
    const { trees } = await anna.client.quoteTrees.get.query({ siteId: site!.id });
    expect(trees.map((t) => t.id)).toEqual(demoQuoteTrees[SALON]!.map((t) => t.id));

    const tree = structuredClone(trees[0]!);
    const broken = structuredClone(tree) as any;
    broken.questions[0].options[1].label = { ru: '' };
    const bad = await consoleFailure(owner.client.quoteTrees.save.mutate({ siteId: site!.id, trees: [broken] }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldsOf(bad)[0]).toMatch(/^trees\.0\.questions\.0\.options\.1\.label/);
    const foreign = structuredClone(tree);
    foreign.serviceId = 'barber-haircut';
    expect(fieldsOf(await consoleFailure(owner.client.quoteTrees.save.mutate({ siteId: site!.id, trees: [foreign] })))).toEqual(['trees.0.serviceId']);

    tree.title = { ...tree.title, en: 'Haircuts' };
    expect(await owner.client.quoteTrees.save.mutate({ siteId: site!.id, trees: [tree] })).toEqual({ trees: [tree] });
    expect((await owner.client.quoteTrees.get.query({ siteId: site!.id })).trees).toEqual([tree]);
    expect((await consoleFailure(anna.client.quoteTrees.save.mutate({ siteId: site!.id, trees: [] }))).code).toBe('FORBIDDEN');

    // The preview runs the unsaved tree exactly as the public quote.evaluate runs the saved one.
    const answers = { for: 'women', length: 'long' };
    const preview = await anna.client.quoteTrees.preview.query({ tree, answers, lang: 'en' });
    const widget = await h.caller().quote.evaluate({ siteKey: SALON, treeId: tree.id, answers, lang: 'en' });
    expect(preview).toEqual(widget);
    expect(preview.kind).toBe('final');
    const first = await anna.client.quoteTrees.preview.query({ tree, answers: {}, lang: 'ru' });
    expect(first.kind).toBe('question');
  });
});
