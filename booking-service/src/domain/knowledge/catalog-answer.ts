/**
 * The part of the knowledge base nobody types: the business's own data answers questions about
 * it. "How long does a filling take?", "who does keratin?", "when are you open on Sunday?",
 * "where are you?", "what is a peeling?" are answered from the services (names, descriptions,
 * durations, who performs them), the opening hours and the address, in the visitor's language.
 *
 * Pure: the text, the engine's context and the language go in, an answer or null comes out. A
 * topic is recognised by a few cue words per language (folded text, word prefixes); a topic that
 * needs a service (duration, who, description) answers only when the text names exactly one, so
 * an answer is never about a service the visitor did not mean.
 */
import { addDays, isoWeekday, type IsoWeekday, type Lang } from '@frontdesk/shared';
import { findStaff, ownerText, type EngineContext, type WeeklyHours } from '../conversation/context.js';
import { allNames, serviceName } from '../conversation/names.js';
import { dayWords, durationWords, listWords, LOCALES } from '../conversation/words/format.js';
import { say } from '../conversation/words/index.js';
import { matchNames } from '../intent/name-match.js';
import { foldText, words } from '../intent/normalize-text.js';
import { parseWhen } from '../intent/parse-when.js';
import { readable } from '../intent/reading.js';

export type CatalogTopic = 'duration' | 'who' | 'hours' | 'address' | 'describe';

export interface KnowledgeAnswer {
  text: string;
  /** The service the answer is about: the chat offers to book it. */
  serviceId: string | null;
  /** Where it came from: the catalog (which topic) or an owner's entry (its id). */
  source: { kind: 'catalog'; topic: CatalogTopic } | { kind: 'entry'; entryId: string };
}

/**
 * Cue words per topic, folded like the text (normalize-text.ts: "տև" is matched as "տեվ"). A cue ending in `*` matches any word starting
 * so ("длит*": длится, длительность); several words must follow each other. Order matters:
 * "how many hours does it take" is a duration, not opening hours.
 */
const CUES: ReadonlyArray<[CatalogTopic, readonly string[]]> = [
  ['duration', [
    'how long', 'duration', 'how many minutes', 'how many hours', 'how much time',
    'долго', 'длит*', 'продолжительн*', 'сколько времени', 'сколько по времени', 'сколько минут', 'сколько часов', 'занимает',
    'տև*', 'ինչքան ժամանակ', 'որքան ժամանակ', 'քանի րոպե', 'քանի ժամ',
    // Armenian typed in Latin letters, as visitors write it
    'tevum', 'tevi', 'inchqan zhamanak', 'vorqan zhamanak', 'qani rope', 'qani zham',
  ]],
  ['who', [
    'who', 'which master', 'which doctor', 'which specialist', 'which stylist', 'which barber',
    'кто', 'у кого', 'какой мастер', 'какие мастера', 'какой врач', 'какие врачи', 'какой специалист',
    'ով', 'ովքեր', 'որ մասնագետ*', 'որ բժիշկ*', 'որ վարպետ*',
    'ov e anum', 'ov a anum', 'ovqer', 'vor masnaget*', 'vor bzhisk*', 'vor varpet*',
  ]],
  ['hours', [
    'open', 'opening', 'opens', 'close', 'closes', 'closed', 'hours', 'hrs', 'what time do you',
    'работаете', 'работает', 'открыт*', 'закрыт*', 'закрывает*', 'открывает*', 'часы работы', 'график', 'режим работы', 'до скольки', 'во сколько вы',
    'բաց', 'բացվում', 'աշխատում եք', 'եք աշխատում', 'աշխատում է', 'աշխատանքային ժամ*', 'ժամերը', 'փակ', 'փակվում',
    'bac eq', 'bac ek', 'bac e', 'bacvum', 'bacum', 'pak eq', 'pak ek', 'pakvum', 'ashxatum', 'ashkhatum', 'ashxatanqayin', 'inch zhamov', 'minchev qani*',
  ]],
  ['address', [
    'where are you', 'address', 'located', 'location', 'how do i get', 'how to get', 'how can i find you',
    'find you', 'get to you',
    'адрес*', 'где вы', 'где находит*', 'где располож*', 'добраться', 'доехать', 'как вас найти',
    'հասցե*', 'որտեղ եք', 'որտեղ է գտնվում', 'որտեղ եք գտնվում', 'գտնվում', 'ինչպես հասնել', 'ինչպես գտնել',
    'vortex e', 'vortex eq', 'vortex ek', 'vortegh e', 'vortegh eq', 'gtnvum', 'hasce*', 'hastse*', 'inchpes hasnel', 'vonc hasnem', 'vonc hasnel',
  ]],
  ['describe', [
    'what is', 'what s', 'what does', 'tell me about', 'what do you do in',
    'что такое', 'что входит', 'что за', 'расскажите про', 'расскажите о', 'что это',
    'ինչ է', 'ինչ է իրենից', 'ինչ է ներառում', 'ինչ է դա', 'պատմեք',
  ]],
];

const COMPILED: ReadonlyArray<[CatalogTopic, RegExp]> = CUES.map(([topic, cues]) => [
  topic,
  new RegExp(`(?:^| )(?:${cues.map((c) => foldText(c).split(' ').map((w) => (w.endsWith('*') ? `${esc(w.slice(0, -1))}\\S*` : esc(w))).join(' ')).join('|')})(?= |$)`, 'u'),
]);

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The topics a text asks about, in the order above. */
export function catalogTopics(text: string): CatalogTopic[] {
  const line = words(text.slice(0, 500)).join(' ');
  return COMPILED.filter(([, re]) => re.test(line)).map(([topic]) => topic);
}

/** The one service a text names, if exactly one (a name given in full beats partial matches). */
function namedService(ctx: EngineContext, text: string): string | null {
  const m = matchNames(text, ctx.services.map((s) => ({ id: s.id, names: allNames(s) })));
  return m.ids.length === 1 ? m.ids[0]! : null;
}

/** An answer from the business's own data, or null when the text asks nothing it can answer. */
export function catalogAnswer(raw: string, ctx: EngineContext, lang: Lang): KnowledgeAnswer | null {
  // Read as the understanding reads it: "gde vy nahodites" is "где вы находитесь" (intent/reading.ts).
  const text = readable(raw, lang);
  for (const topic of catalogTopics(text)) {
    const a = answerTopic(topic, text, ctx, lang);
    if (a) return a;
  }
  return null;
}

function answerTopic(topic: CatalogTopic, text: string, ctx: EngineContext, lang: Lang): KnowledgeAnswer | null {
  const source = { kind: 'catalog', topic } as const;
  if (topic === 'hours') return hoursAnswer(text, ctx, lang);
  if (topic === 'address') {
    const address = ctx.business.address.trim();
    return address ? { text: say(lang, 'kb.address', { address }), serviceId: null, source } : null;
  }
  const id = namedService(ctx, text);
  const svc = ctx.services.find((s) => s.id === id);
  if (!svc) return null;
  const service = serviceName(ctx, svc.id, lang);
  switch (topic) {
    case 'duration':
      return { text: say(lang, 'kb.duration', { service, duration: durationWords(svc.durationMin, lang) }), serviceId: svc.id, source };
    case 'who': {
      const names = svc.staffIds.flatMap((s) => findStaff(ctx, s)?.name ?? []);
      if (names.length === 0) return null;
      return { text: say(lang, 'kb.who', { service, names: listWords(names, lang), count: names.length }), serviceId: svc.id, source };
    }
    case 'describe': {
      const description = ownerText(ctx, svc.descriptions ?? null, lang);
      return description ? { text: say(lang, 'kb.describe', { service, description: description.trim() }), serviceId: svc.id, source } : null;
    }
  }
}

/** "When are you open on Sunday?": that day; else the week, days with equal hours grouped. */
function hoursAnswer(text: string, ctx: EngineContext, lang: Lang): KnowledgeAnswer {
  const source = { kind: 'catalog', topic: 'hours' } as const;
  const hours = ctx.business.openingHours;
  const when = parseWhen(text, { now: ctx.now, timeZone: ctx.business.timeZone, lang });
  if (when.kind !== 'none') {
    const day = dayWords(when.date, lang).day;
    // A day the business closed (holidays, business_closures) is closed whatever the week says.
    const closed = (ctx.business.closures ?? []).some((c) => c.from <= when.date && when.date <= c.to);
    const ranges = closed ? null : rangesOf(hours, isoWeekday(when.date), lang);
    return { text: ranges ? say(lang, 'kb.hoursDay', { day, hours: ranges }) : say(lang, 'kb.closedDay', { day }), serviceId: null, source };
  }
  const groups: Array<{ from: IsoWeekday; to: IsoWeekday; ranges: string }> = [];
  for (let wd = 1 as IsoWeekday; wd <= 7; wd = (wd + 1) as IsoWeekday) {
    const ranges = rangesOf(hours, wd, lang) ?? say(lang, 'kb.closed');
    const last = groups.at(-1);
    if (last && last.ranges === ranges && last.to === wd - 1) last.to = wd;
    else groups.push({ from: wd, to: wd, ranges });
  }
  const week = groups.map((g) => `${g.from === g.to ? weekdayName(g.from, lang) : `${weekdayName(g.from, lang)}–${weekdayName(g.to, lang)}`}: ${g.ranges}`);
  return { text: say(lang, 'kb.hoursWeek', { hours: week.join('; ') }), serviceId: null, source };
}

function rangesOf(hours: WeeklyHours, wd: IsoWeekday, lang: Lang): string | null {
  const list = hours[String(wd) as keyof WeeklyHours] ?? [];
  if (list.length === 0) return null;
  return list.map((r) => `${clock(r.start, lang)}–${clock(r.end, lang)}`).join(', ');
}

const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: Lang, key: string, o: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formats.get(lang + key);
  if (!f) formats.set(lang + key, (f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', ...o })));
  return f;
}

/** "10:00" as the language writes a time of day ("10:00 AM" in en-US). */
function clock(hhmm: string, lang: Lang): string {
  const [h, m] = hhmm.split(':').map(Number);
  return fmt(lang, 't', { hour: 'numeric', minute: '2-digit' }).format(Date.UTC(2024, 0, 1, h ?? 0, m ?? 0));
}

/** 2024-01-01 was a Monday: ISO weekday n is n − 1 days later. */
function weekdayName(wd: IsoWeekday, lang: Lang): string {
  return fmt(lang, 'w', { weekday: 'short' }).format(Date.parse(`${addDays('2024-01-01', wd - 1)}T12:00:00Z`));
}
