/**
 * The AI assistant's own overhead per turn (issue 18: "the AI path reports its latency and tokens
 * per turn"), in process on PGlite: whole turns through `sendTurn` whose free text goes to the
 * model, with a model that answers at once, so what is timed is ours — the rehearsal before the
 * transaction (assistant/ahead.ts), the prompt, the tools over our services, the grounding check,
 * the token count in the database, then the turn's transaction. Two models: a scripted one in
 * process (no HTTP: our code alone), and the official `openai` client against the scripted fake
 * provider on loopback (adds the client and one local HTTP exchange per model step). The model's
 * own latency is NOT included: it depends on the provider and the model (hundreds of ms to seconds
 * per step) and adds once per step to these figures.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openAiModel } from '../src/adapters/openai/assistant-model.js';
import { startFakeAiProvider, type ScriptedStep } from '../src/dev/fake-ai-provider.js';
import { priceWords } from '../src/domain/conversation/words/format.js';
import type { ConversationView } from '../src/domain/conversation/protocol.js';
import type { AssistantModel, ChatMessage, ModelStep } from '../src/ports/assistant.js';
import { manualClock } from '../src/ports/clock.js';
import { seedDemo } from '../src/seed/demo.js';
import { createConfigCache } from '../src/services/config-cache.js';
import { sendTurn } from '../src/services/conversation/turns.js';
import type { Deps } from '../src/services/deps.js';
import { demoContext } from '../test/support/engine-world.js';
import { createTestDatabase } from '../test/support/db.js';
import { machineLine } from './report.js';

const SITE = 'demo-salon-spb';
const TEXT = 'do you have wifi?';
const CONVERSATIONS = 40;
const WARMUP = 5;

const price = (() => {
  const s = demoContext(SITE).services.find((x) => x.id === 'salon-haircut-men')!;
  return priceWords(s.price, s.currency, 'en');
})();

/** What the model does in each scripted conversation's AI turn. */
const SCRIPTS: Array<{ name: string; steps: ScriptedStep[] }> = [
  { name: 'a reply, no tools', steps: [{ reply: 'Yes, clients get free wifi.' }] },
  {
    name: 'find_services → quote → reply with the price',
    steps: [{ tools: [{ name: 'find_services', args: {} }] }, { tools: [{ name: 'quote', args: { service_id: 'salon-haircut-men' } }] }, { reply: `A men's cut is ${price}.` }],
  },
  {
    name: 'find_services → find_slots → reply (a slot search inside)',
    steps: [{ tools: [{ name: 'find_services', args: {} }] }, { tools: [{ name: 'find_slots', args: { service_id: 'salon-haircut-men' } }] }, { reply: 'There are free times this week: choose one below.' }],
  },
  { name: 'find_services → book (the engine shows the times)', steps: [{ tools: [{ name: 'find_services', args: {} }] }, { tools: [{ name: 'book', args: { service_id: 'salon-haircut-men' } }] }] },
  { name: 'ask_person (the engine asks for a contact)', steps: [{ tools: [{ name: 'ask_person', args: {} }] }] },
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
const ms = (v: number) => `${v.toFixed(2)} ms`;
const cpuNow = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** Tokens as a provider would roughly count them (~4 characters a token): only a size of the prompt. */
const tokensOf = (messages: ChatMessage[]) => Math.ceil(JSON.stringify(messages).length / 4);

/** A model in process: plays a script at once, counts the steps and the prompt it was sent. */
function scriptedModel() {
  let steps: ScriptedStep[] = [];
  let n = 0;
  const seen = { steps: 0, tools: 0, tokens: 0 };
  const model: AssistantModel = {
    name: 'scripted',
    step(messages: ChatMessage[]): Promise<ModelStep> {
      const s = steps.shift();
      seen.steps++;
      const tokens = tokensOf(messages) + 20;
      seen.tokens += tokens;
      if (s && 'tools' in s) {
        seen.tools += s.tools.length;
        return Promise.resolve({ content: null, tokens, toolCalls: s.tools.map((t) => ({ id: `c${++n}`, type: 'function' as const, function: { name: t.name, arguments: JSON.stringify(t.args) } })) });
      }
      return Promise.resolve({ content: s && 'reply' in s ? s.reply : '…', toolCalls: [], tokens });
    },
  };
  return { model, script: (s: ScriptedStep[]) => (steps = [...s]), seen, left: () => steps.length };
}

interface Row { name: string; p50: number; p99: number; cpuMs: number; steps: number; tools: number; tokens: number }

async function run(mode: 'off' | 'in-process' | 'openai client + loopback fake'): Promise<Row[]> {
  const database = await createTestDatabase('pglite');
  const fake = mode === 'openai client + loopback fake' ? await startFakeAiProvider() : undefined;
  try {
    await seedDemo(database.db);
    const clock = manualClock('2026-03-02T06:00:00Z');
    const deps: Deps = { db: database.db, clock, secret: 'bench-secret-'.padEnd(40, 'x'), publicUrl: 'http://localhost:3000', configCache: createConfigCache() };
    const local = scriptedModel();
    if (mode === 'in-process') deps.assistant = { model: local.model, timeoutMs: 10_000, dailyTokens: 0 };
    if (fake) deps.assistant = { model: openAiModel({ baseURL: fake.baseURL, model: 'fake-1', apiKey: 'bench' }), timeoutMs: 10_000, dailyTokens: 0 };
    const rows: Row[] = [];
    for (const script of mode === 'off' ? [{ name: 'assistant off: the engine answers with the menu', steps: [] }] : SCRIPTS) {
      const samples: number[] = [];
      let cpu = 0;
      const before = { ...local.seen, fakeReq: fake?.requests.length ?? 0, fakeTokens: fake?.tokens ?? 0 };
      let toolsFake = 0;
      for (let c = 0; c < CONVERSATIONS + WARMUP; c++) {
        if (c === WARMUP) Object.assign(before, { ...local.seen, fakeReq: fake?.requests.length ?? 0, fakeTokens: fake?.tokens ?? 0 });
        // The fake counts what a provider reports: the size of what it was sent.
        if (fake) fake.script(script.steps.map((s) => ({ ...s })));
        local.script(script.steps);
        const reqs0 = fake?.requests.length ?? 0;
        const cpu0 = cpuNow();
        const t0 = performance.now();
        const r = await sendTurn(deps, { siteKey: SITE, lang: 'en', after: 0, event: { type: 'text', text: TEXT } }, undefined);
        const t = performance.now() - t0;
        const used = cpuNow() - cpu0;
        if (!r.ok) throw new Error(`turn failed: ${r.reason}`);
        const v: ConversationView = r.value;
        if (mode === 'in-process' ? local.left() !== 0 : fake && fake.requests.length - reqs0 !== script.steps.length) throw new Error(`${script.name}: the model was not asked as scripted (${v.messages.at(-1)?.text})`);
        if (c >= WARMUP) {
          samples.push(t);
          cpu += used;
          if (fake) toolsFake += script.steps.reduce((n, s) => n + ('tools' in s ? s.tools.length : 0), 0);
        }
        clock.advance(60_000);
      }
      samples.sort((a, b) => a - b);
      const steps = fake ? fake.requests.length - before.fakeReq : local.seen.steps - before.steps;
      const tokens = fake ? fake.tokens - before.fakeTokens : local.seen.tokens - before.tokens;
      const tools = fake ? toolsFake : local.seen.tools - before.tools;
      rows.push({ name: script.name, p50: pct(samples, 0.5), p99: pct(samples, 0.99), cpuMs: cpu / 1000 / samples.length, steps: steps / CONVERSATIONS, tools: tools / CONVERSATIONS, tokens: tokens / CONVERSATIONS });
    }
    return rows;
  } finally {
    await fake?.close();
    await database.close();
  }
}

export async function runAssistantBench(): Promise<string> {
  const load = loadavg().map((x) => x.toFixed(2)).join(' / ');
  const off = await run('off');
  const local = await run('in-process');
  const client = await run('openai client + loopback fake');
  const loadAfter = loadavg().map((x) => x.toFixed(2)).join(' / ');
  const table = (title: string, rows: Row[], tokensNote: string) => [
    `**${title}** (${CONVERSATIONS} turns each after ${WARMUP} warm-up ones):`,
    '',
    `| AI turn | p50 | p99 | CPU per turn | Model steps | Tool calls | Tokens (${tokensNote}) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.cpuMs)} | ${r.steps.toFixed(1)} | ${r.tools.toFixed(1)} | ${Math.round(r.tokens).toLocaleString('en-US')} |`),
    '',
  ];
  return [
    '## AI assistant turn (our overhead around the model)',
    '',
    `Machine: ${machineLine()}; load average (1/5/15 min) before the run: ${load}, after: ${loadAfter}`,
    '',
    '**The model’s own latency is not included**: the model here answers at once. A real provider adds its',
    'own time once per model step (the "Model steps" column) — hundreds of milliseconds to seconds each,',
    'depending on the provider, the model and the prompt — and that, not the figures below, decides how',
    'long a visitor waits for an AI answer. The turn’s deadline (`AI_TIMEOUT_MS`, 8 s by default) bounds it;',
    'after it the engine answers as without AI.',
    '',
    ...table('Baseline: the same first turn with the assistant off', off, 'none sent'),
    ...table('Scripted model in process (our code alone: rehearsal, prompt, tools, grounding, token count, the turn)', local, 'estimated: prompt characters / 4, all steps'),
    ...table('Official `openai` client against the scripted fake provider on loopback (adds the client and a local HTTP exchange per step)', client, 'the fake’s usage: 10 per step, scripted — not a real count'),
    'Each row is the first turn of a new conversation on the salon’s site (PGlite, in process, one turn at',
    `a time): free text ("${TEXT}") the engine and the knowledge base do not answer, so it goes to the model,`,
    'which plays the row’s script. The price row grounds its reply in the quote tool’s result; the slots row',
    'includes one slot search (7 days) inside the tool; "book" and "ask_person" end the model’s part and the',
    'engine takes the next step (the times prompt — a slot search — or the contact form). The model is asked',
    'before the turn’s transaction (assistant/ahead.ts), so none of this holds a database connection while',
    'a real model thinks. "CPU per turn" is this process’s user + system time (PGlite runs in it). The in-process',
    'token column estimates the prompt’s size (characters / 4, summed over the steps, the tool results',
    'included) — the part of a provider’s bill that our prompt decides. Compare "CPU per turn" with the',
    'baseline row rather than the wall-clock columns: with 40 turns a row on a loaded 2-core machine (see',
    'the load average) p99 is close to the slowest turn. The fake provider’s HTTP server runs in this',
    'process, so the third table counts both ends of each local exchange. Run:',
    '`BENCH_ONLY=assistant npm run bench -w @frontdesk/booking-service`.',
  ].join('\n');
}
