/**
 * Issue 18 "Measured": how well the deterministic engine understands real visitors' free text
 * (bench/eval/messages.ts, ru/hy/en with misspellings, transliteration, mixed languages, slang).
 *
 * Every message goes through the engine's own free-text understanding (flows/free-text.ts
 * `understand`: classifier + service-name matcher + parse-when, with the set's fixed "now" in the
 * business's zone) and the catalog half of the knowledge base (domain/knowledge `catalogAnswer`),
 * on an EngineContext built from the demo seed — pure, no database. Figures per language:
 * - intent: the classifier's intent equals the expected one;
 * - routed: where the engine's menu routing (free-text.ts `route`, mirrored in `routedIntent`)
 *   would send it — a catalog answer counts as 'other' (a knowledge-base answer);
 * - service: the matched service ids equal the expected ones (none, one, or the set to ask about);
 * - service + time: service and the parsed time both right, over messages that name a service or
 *   a time for booking or prices;
 * - KB: catalog questions answered on the right topic (and service); for 'owner' questions
 *   (parking, payment, preparation, walk-ins) the pure part checks the catalog stays silent.
 * - KB owner Q&A (the DB part): the owner entries of bench/eval/owner-kb.ts are written to a
 *   fresh PGlite database with the demo seed, and every 'owner' message goes through the
 *   knowledge base's own entry point (services/knowledge/answer.ts: catalog, then the full-text
 *   search SQL of services/knowledge/search.ts); right when the entry of the expected topic answers.
 */
import { Turn } from '../src/domain/conversation/turn.js';
import { newState } from '../src/domain/conversation/state.js';
import { SURE, understand, type Understanding } from '../src/domain/conversation/flows/free-text.js';
import { catalogAnswer } from '../src/domain/knowledge/catalog-answer.js';
import { demoContext } from '../test/support/engine-world.js';
import { createTestDatabase } from '../test/support/db.js';
import { kbEntries } from '../src/adapters/db/schema.js';
import { DEMO, seedDemo } from '../src/seed/demo.js';
import { answerFromKnowledge } from '../src/services/knowledge/answer.js';
import { MESSAGES, NOW, type EvalIntent, type EvalMessage, type Site } from './eval/messages.js';
import { HELD_OUT } from './eval/held-out.js';
import { HELD_OUT_2 } from './eval/held-out-2.js';
import { HELD_OUT_3 } from './eval/held-out-3.js';
import { OWNER_ENTRIES } from './eval/owner-kb.js';
import { machineLine } from './report.js';
import { aiEndpoint, aiPathSection } from './eval/ai-path.js';
import { readEnv } from '../src/env.js';
import { manualClock } from '../src/ports/clock.js';
import { createConfigCache } from '../src/services/config-cache.js';
import type { Deps } from '../src/services/deps.js';

export interface Verdict {
  m: EvalMessage;
  intent: string;
  routed: EvalIntent;
  services: string[];
  when: string | null;
  kb: string | null;
  /** The DB part: the topic of the owner entry that answered (or `catalog:…`, or null). */
  owner: string | null;
  ok: { intent: boolean; routed: boolean; service: boolean; serviceTime: boolean | null; kb: boolean | null; ownerKb: boolean | null };
}

/** The engine's menu routing (free-text.ts `route`, at the menu) reduced to the intent it acts on. */
function routedIntent(text: string, u: Understanding, answered: boolean): EvalIntent {
  const sure = u.intent.confidence >= SURE;
  const named = u.services.length > 0 || u.tree !== null;
  if (u.intent.intent === 'my_booking' && sure) return 'my_booking';
  if (u.intent.intent === 'human' && sure) return 'human';
  if (answered) return 'other';
  if (u.intent.intent === 'prices' && (sure || named)) return 'prices';
  if ((u.intent.intent === 'book' && (sure || named)) || u.when) return 'book';
  return 'other';
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (min: number) => `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;

function whenText(w: Understanding['when']): string | null {
  if (!w) return null;
  if (w.kind === 'day') return w.date;
  return `${w.date}${w.kind === 'at' ? '@' : w.kind === 'after' ? '>' : '<'}${hhmm(w.minuteOfDay)}`;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function judge(m: EvalMessage): Verdict {
  const ctx = demoContext(m.site, NOW);
  const u = understand(new Turn(newState(m.lang), ctx), m.text);
  const answer = catalogAnswer(m.text, ctx, m.lang);
  const routed = routedIntent(m.text, u, answer !== null);
  const expectedServices = m.service === undefined ? [] : Array.isArray(m.service) ? m.service : [m.service];
  const when = whenText(u.when);
  const service = sameSet(u.services, expectedServices);
  const timed = (m.intent === 'book' || m.intent === 'prices') && (m.service !== undefined || m.when !== undefined);
  const kbTopic = answer?.source.kind === 'catalog' ? answer.source.topic : null;
  let kb: boolean | null = null;
  if (m.kb === 'owner') kb = answer === null;
  else if (m.kb) kb = kbTopic === m.kb && (m.service === undefined || answer?.serviceId === m.service);
  return {
    m,
    intent: u.intent.intent,
    routed,
    services: u.services,
    when,
    kb: kbTopic,
    owner: null,
    ok: {
      intent: u.intent.intent === m.intent,
      routed: routed === m.intent,
      service,
      serviceTime: timed ? service && when === (m.when ?? null) : null,
      kb,
      ownerKb: null,
    },
  };
}

const businessOf = (site: Site) => DEMO.find((d) => d.siteKey === site)!.business.id;

/** The evaluation's database: PGlite with the demo seed and the owner entries of bench/eval/owner-kb.ts. */
async function evalDatabase() {
  const database = await createTestDatabase('pglite');
  await seedDemo(database.db);
  const at = new Date(NOW);
  await database.db.insert(kbEntries).values(
    OWNER_ENTRIES.map((e, i) => ({
      id: `eval-kb-${i}`,
      businessId: businessOf(e.site),
      lang: e.lang,
      question: e.question,
      phrasings: (e.phrasings ?? []).join('\n'),
      answer: e.answer,
      serviceId: e.serviceId ?? null,
      createdAt: at,
      updatedAt: at,
    })),
  );
  return database;
}

/** The DB part: each owner question through the knowledge base's entry point. */
async function judgeOwnerAnswers(db: Deps['db'], verdicts: readonly Verdict[]): Promise<void> {
  const topicOf = new Map(OWNER_ENTRIES.map((e, i) => [`eval-kb-${i}`, e.topic]));
  for (const v of verdicts) {
    if (v.m.owner === undefined) continue;
    const a = await answerFromKnowledge({ db }, businessOf(v.m.site), demoContext(v.m.site, NOW), v.m.lang, v.m.text);
    v.owner = a === null ? null : a.source.kind === 'entry' ? (topicOf.get(a.source.entryId) ?? a.source.entryId) : `catalog:${a.source.topic}`;
    v.ok.ownerKb = v.owner === v.m.owner;
  }
}

const pct = (ok: number, all: number) => (all === 0 ? '—' : `${((100 * ok) / all).toFixed(1)} % (${ok}/${all})`);

function rate(vs: readonly Verdict[], key: keyof Verdict['ok'], filter: (v: Verdict) => boolean = () => true): string {
  const scored = vs.filter((v) => filter(v) && v.ok[key] !== null);
  return pct(scored.filter((v) => v.ok[key]).length, scored.length);
}

interface Scored {
  rows: string[];
  failures: string[];
  failureCount: number;
}

/** Per-language figures and the failure list of one set. */
function score(verdicts: readonly Verdict[]): Scored {
  const langs = ['ru', 'hy', 'en', 'all'] as const;
  const of = (l: (typeof langs)[number]) => verdicts.filter((v) => l === 'all' || v.m.lang === l);
  const catalogKb = (v: Verdict) => v.m.kb !== undefined && v.m.kb !== 'owner';
  const ownerKb = (v: Verdict) => v.m.kb === 'owner';
  const rows = langs.map((l) => {
    const vs = of(l);
    return `| ${l} | ${vs.length} | ${rate(vs, 'intent')} | ${rate(vs, 'routed')} | ${rate(vs, 'service')} | ${rate(vs, 'serviceTime')} | ${rate(vs, 'kb', catalogKb)} | ${rate(vs, 'kb', ownerKb)} | ${rate(vs, 'ownerKb')} |`;
  });
  const failed = verdicts.filter((v) => Object.values(v.ok).some((x) => x === false));
  const fmt = (v: Verdict) => {
    const wrong = (Object.keys(v.ok) as Array<keyof Verdict['ok']>).filter((k) => v.ok[k] === false).join(', ');
    const exp = [v.m.intent, v.m.service ? [v.m.service].flat().join('/') : '∅', v.m.when ?? '∅', v.m.owner ? `owner:${v.m.owner}` : (v.m.kb ?? '')].filter(Boolean).join(' · ');
    const got = [`${v.intent}→${v.routed}`, v.services.join('/') || '∅', v.when ?? '∅', v.m.owner ? `owner:${v.owner ?? '∅'}` : (v.kb ?? '')].filter(Boolean).join(' · ');
    return `| ${v.m.lang} | ${v.m.text.replace(/\|/g, '\\|')} | ${exp} | ${got} | ${wrong} |`;
  };
  return { rows, failures: failed.map(fmt), failureCount: failed.length };
}

/**
 * The held-out figures as first measured, kept here because the table below is rewritten on every run:
 * after a rule change the held-out set is no longer unseen for the classes of failure that change fixed.
 */
const HELD_OUT_HISTORY = [
  'First measurement (2026-12-07 18:11 UTC, the rules of main 6a8cd31, untouched): intent 95.0 % (115/121), routed 95.0 %, service 92.6 %, **service + time 79.7 % (47/59)** — below the 85 % goal that the in-sample set meets —, KB catalog 70.8 % (17/24), KB owner Q&A 50.0 % (7/14); 29 failures.',
  '',
  'Rule changes since then (18:38 UTC), each a class of failure, never one message: (1) opening-hours questions that say "hours" without "opening"/"working" ("your hours on …") are the hours topic, so a day in them no longer sends the visitor to booking; (2) Armenian typed in Latin letters asks the catalog about address, hours, duration and who (cue words in Latin spelling), and the address cues take "добраться"/"find you" with words between; (3) a word several service names share ("ատամ", tooth) names no service on its own, so a toothache is no longer a filling; (4, 19:03 UTC) an Armenian owner question typed in Latin letters is searched in Armenian letters (domain/intent/translit-hy.ts). After them: KB catalog 95.8 % (23/24, was 70.8 %), KB owner Q&A 64.3 % (9/14, was 50.0 %; hy 75.0 %, was 25.0 %), service 93.4 % (was 92.6 %), routed 95.9 % (was 95.0 %); service + time unchanged at 79.7 %. **For these four classes the held-out figures are no longer unseen**; the other classes (ru/en owner Q&A wording, loanwords such as "parking" in Armenian, times like "around 2", "on the 10th", misspelt weekdays, translit service words) are untouched and still measured on unseen text.',
  '',
  'Rule changes 21:30–22:25 UTC (main d8b147d, 9bb536d, 32b5d54, 536efb3), again classes with unit tests on other phrases, never one message: (5) approximate times ("around 2", "около двух", "часа в 3", "ժամը 2-ի մոտ") are the time itself, and hours in words ("at two", "в пять", "ժամը երկուսին") are read; (6) a day of the month alone ("on the 10th", "12-го", "10 числа", "ամսի 20-ին", a bare "10-ին") is the next such day from now; (7) misspelt weekdays in every language and in Latin letters are spelt right within a bounded edit distance ("thrusday", "wensday", "четрвег", "pyatnicu"), and Armenian weekdays and parts of the day typed in Latin letters ("urbat", "aravotyan", "yereko") are read, a day and a time said in two spellings joined; (8) questions about how to come — preparation ("что нужно сделать перед …", "…ից առաջ") and walk-ins ("можно без записи?", "can I just walk in") — and "բաց եք?" (are you open) are questions for the knowledge base, not bookings; (9) the owner Q&A search adds related words for the questions every front desk gets (parking, payment, preparation, walk-ins), answers with an entry whose own question is asked in full, strips stacked Armenian case endings and searches Latin-typed Armenian in every reading of the letters Latin does not tell apart; (10) service words: verb forms of colouring ("красит"), "профчистка", Latin spellings "manikyur"/"sapryvel", "mens" for "Men\'s". Held-out set 1 before them (21:15 UTC, main 40dfd0e): intent 95.0 % (115/121), routed 95.9 %, service 93.4 %, service + time 79.7 % (47/59), KB catalog 95.8 % (23/24), KB owner Q&A 64.3 % (9/14); 20 failures. After them: intent 100 % (121/121), routed 100 %, service 97.5 % (118/121), **service + time 94.9 % (56/59)**, KB catalog 100 % (24/24), KB owner Q&A 100 % (14/14); 3 failures. **For these six classes too the held-out set 1 figures are no longer unseen** — held-out set 2 below, written apart and never read while fixing, measures them on unseen text. Still failing and untouched: a word two service names share where a person would pick the one it heads ("beard" of "Beard trim" over "Haircut + beard", "стрижка бороды"), and barber slang ("shape up").',
].join('\n');

/**
 * Held-out set 2 as a development set: why, since when, and the rule classes changed from its
 * failures, with the figures before and after (the tables are rewritten on every run).
 */
const HELD_OUT_2_HISTORY = [
  'Held-out set 2 was measured once on unseen text (2026-12-07, main f55a61e): intent 90.0 % (135/150), routed 90.7 %, service 91.3 % (137/150), **service + time 77.9 % (74/95)** — below the 85 % goal. From 2026-12-08 00:35 UTC it is a **development set**: its failures are listed below and were read to find classes of failure, so its figures are no longer unseen; held-out set 3, written apart and never read while fixing, measures unseen text instead.',
  '',
  'Rule changes 00:40–01:20 UTC 2026-12-08 (main 979bfb8, c2f5f7d, 750a7df, 79218ec), each a class with unit tests on other phrases beside its rule, never one message: (11) lunch as a boundary is noon — "после обеда"/"до обеда", "after/before lunch", "ճաշից հետո/առաջ" (also in Latin letters) are after/before 12:00, "в обед" stays 13:00; (12) a combination of services ("Haircut + beard") is named only when each of its parts is, one part alone is that service ("beard" is "Beard trim"); a haircut word said of the beard ("стрижка бороды", "beard lineup", "cut my beard") is the beard trim; barber slang "shape/line/edge up" is the haircut; whom a haircut is for ("подстричь мужа", "for women"); Latin-typed Armenian service words ("sanrvacq", "moruq", "nerkel") and "chistka"; (13) intent cues: Armenian price questions ("քանիսով է", "qani dram", "vcharovi"), English price slang ("hows much", "gonna run me", "set me back"), "գրանցված եմ"/"ushanum em" and "can I change it" as the visitor\'s booking, "anything open" as a free slot, a consultation as a visit (not a misspelt "консультант"), and "how many minutes", payment by transfer, "eq bac" as questions; (14) time phrasings: "полтретьего", "half past two" (N:30), "at like 7", "mornin"/"evenin". Pure part, before → after: held-out set 2 intent 90.0 → 98.7 % (148/150), routed 90.7 → 97.3 %, service 91.3 → 97.3 %, **service + time 77.9 → 95.8 % (91/95)**; held-out set 1 intent 100 → 100 %, service 97.5 → 100 %, service + time 94.9 → 100 % (59/59); in-sample intent 100 → 100 %, service + time 99.0 → 100 % (105/105). Still failing in set 2 and untouched: Armenian typed in Cyrillic letters ("узум ем гранцвел"), a day denied then another said ("kirakin chi, bayc shabat"), "vaxy che myus or" (the day after tomorrow) in Latin letters, "trim n beard" (trim is the beard here), "chipped my tooth, need to see someone", and catalog address/who questions worded "which street", "where exactly", "which barber does".',
].join('\n');

const HEADER = [
  '| lang | messages | intent | routed | service | service + time | KB catalog | KB owner (catalog silent) | KB owner Q&A (PGlite search) |',
  '|---|---|---|---|---|---|---|---|---|',
];
const FAILURE_HEADER = ['| lang | message | expected | got | wrong |', '|---|---|---|---|---|'];

export async function runEvalBench(): Promise<string> {
  const inSample = MESSAGES.map(judge);
  const heldOut = HELD_OUT.map(judge);
  const heldOut2 = HELD_OUT_2.map(judge);
  const heldOut3 = HELD_OUT_3.map(judge);
  const database = await evalDatabase();
  let ai: string[];
  try {
    await judgeOwnerAnswers(database.db, [...inSample, ...heldOut, ...heldOut2, ...heldOut3]);
    const deps: Deps = { db: database.db, clock: manualClock(new Date(NOW).toISOString()), secret: 'eval-secret-'.padEnd(40, 'x'), publicUrl: 'http://localhost:3000', configCache: createConfigCache() };
    ai = await aiPathSection(deps, aiEndpoint(readEnv()), [
      { name: `Held-out set (${HELD_OUT.length})`, messages: HELD_OUT },
      { name: `Held-out set 2 (${HELD_OUT_2.length})`, messages: HELD_OUT_2 },
      { name: `Held-out set 3 (${HELD_OUT_3.length})`, messages: HELD_OUT_3 },
      { name: `In-sample set (${MESSAGES.length})`, messages: MESSAGES },
    ]);
  } finally {
    await database.close();
  }
  const seen = score(inSample);
  const unseen = score(heldOut);
  const unseen2 = score(heldOut2);
  // Set 3's failures are counted, never listed (its `failures` are not used): see its paragraph.
  const unseen3 = score(heldOut3);
  return [
    '## Understanding: evaluation set (deterministic engine)',
    '',
    `Machine: ${machineLine()}`,
    '',
    `\`BENCH_ONLY=eval npm run bench\`: four sets of visitor messages (misspellings, transliteration, mixed languages, slang; expected answers written as a person would read them, not tuned to the engine) through the engine's free-text understanding (flows/free-text.ts \`understand\`) and the catalog knowledge base (\`catalogAnswer\`), demo seed, fixed now (Mon 2 Mar 2026, 09:00 Moscow). Pure, no database — except the last column, the DB part: ${OWNER_ENTRIES.length} owner Q&A entries (bench/eval/owner-kb.ts: parking, payment, preparation, walk-ins, per language) on PGlite, each owner question through the knowledge base's entry point (catalog, then the full-text search SQL). Goal (issue 18): intent ≥ 90 %, service + time ≥ 85 %.`,
    '',
    '- intent: the classifier\'s intent; routed: where the engine\'s menu routing sends the text (a catalog answer counts as other = knowledge base);',
    '- service: the matched service ids equal the expected (none / one / the set to ask about); service + time: both right, over booking/price messages that name a service or a time;',
    '- KB catalog: durations, who, hours, address answered on the right topic and service; KB owner (catalog silent): the catalog does not answer a question only an owner\'s entry answers; KB owner Q&A: the owner\'s entry of the expected topic answers it (PGlite, full-text search).',
    '',
    `**Held-out set** (bench/eval/held-out.ts, ${HELD_OUT.length} messages): written before reading the engine's rules and committed on its own (ba4900a) before any rule change.`,
    '',
    HELD_OUT_HISTORY,
    '',
    ...HEADER,
    ...unseen.rows,
    '',
    `**Held-out set 2** (bench/eval/held-out-2.ts, ${HELD_OUT_2.length} messages): written 2026-12-07 by a person who had not read the rules, committed on its own (7591182) before it was ever run; its failures are listed below.`,
    '',
    HELD_OUT_2_HISTORY,
    '',
    ...HEADER,
    ...unseen2.rows,
    '',
    `**Held-out set 3** (bench/eval/held-out-3.ts, ${HELD_OUT_3.length} messages): written 2026-12-08 by a person who had read neither the rules nor the earlier sets' messages or failures, committed on its own (d1107fe) before it was ever run. Sets 1 and 2 have both been seen by whoever fixes rules; this one measures whether their fixes carry over to text nobody fixing rules has seen, so its ${unseen3.failureCount} failures are counted here but not listed.`,
    '',
    ...HEADER,
    ...unseen3.rows,
    '',
    `**In-sample set** (bench/eval/messages.ts, ${MESSAGES.length} messages): the engine's rules (transliteration, shorthand, question cues, service-word families, Armenian stems and month names) were written after reading this set's failures, so these are figures on seen data, not on unseen text; the rules' unit tests use other phrases.`,
    '',
    ...HEADER,
    ...seen.rows,
    '',
    `Held-out failures (${unseen.failureCount}; expected → got: classifier→routed · services · time · KB topic):`,
    '',
    ...FAILURE_HEADER,
    ...unseen.failures,
    '',
    `Held-out set 2 failures (${unseen2.failureCount}, a development set since 2026-12-08):`,
    '',
    ...FAILURE_HEADER,
    ...unseen2.failures,
    '',
    `In-sample failures (${seen.failureCount}):`,
    '',
    ...FAILURE_HEADER,
    ...seen.failures,
    '',
    ...ai,
  ].join('\n');
}
