/**
 * The AI path of the evaluation (issue 18 "Measured": accuracy per language "for the AI path when
 * an endpoint is configured"). Every message goes to the assistant's own turn (services/assistant/
 * turn.ts `runAssistant`: the prompt, the tools over our services, the guardrails) through the
 * official `openai` client at the configured endpoint — the model sees every message here, not only
 * the engine's leftovers, so the figures are the model's understanding with our tools, comparable
 * with the engine's table. What the model did is read from its tool calls:
 * - `book` → book (its service), `ask_person` → human, `my_booking` → my_booking;
 * - a reply after `quote` → prices, after `find_slots` → book, otherwise other (an answer);
 * - services: the ids the model passed to quote / find_slots / book, or the service of the
 *   knowledge-base answer it used;
 * - a refused turn (unsafe reply, tool loop, timeout, error) is a fallback: the engine would answer.
 * Dates and times are not scored: the tools take no time of day (the engine's time prompt does).
 */
import { performance } from 'node:perf_hooks';
import { openAiModel } from '../../src/adapters/openai/assistant-model.js';
import type { Env } from '../../src/env.js';
import type { AssistantModel, ChatMessage, ModelStep, ToolSpec } from '../../src/ports/assistant.js';
import type { Deps } from '../../src/services/deps.js';
import { findSite } from '../../src/services/site.js';
import { runAssistant } from '../../src/services/assistant/turn.js';
import { demoContext } from '../../test/support/engine-world.js';
import { NOW, type EvalIntent, type EvalMessage } from './messages.js';

export type AiEndpoint = { baseURL: string; model: string; apiKey: string };

/** The operator's endpoint (env.ts names), or null: the AI path is then not run. */
export function aiEndpoint(env: Pick<Env, 'AI_BASE_URL' | 'AI_MODEL' | 'AI_API_KEY'>): AiEndpoint | null {
  if (!env.AI_BASE_URL || !env.AI_MODEL) return null;
  return { baseURL: env.AI_BASE_URL, model: env.AI_MODEL, apiKey: env.AI_API_KEY ?? 'none' };
}

export interface AiVerdict {
  m: EvalMessage;
  intent: EvalIntent | 'fallback';
  services: string[];
  fallback: string | null;
  ms: number;
  tokens: number;
  toolCalls: number;
  ok: { intent: boolean; service: boolean; kb: boolean | null };
}

/** Wraps the model to see which tools it called, with which arguments. */
function watched(model: AssistantModel) {
  const calls: Array<{ name: string; args: Record<string, unknown> }> = [];
  const w: AssistantModel = {
    name: model.name,
    async step(messages: ChatMessage[], tools: ToolSpec[], signal: AbortSignal): Promise<ModelStep> {
      const s = await model.step(messages, tools, signal);
      for (const c of s.toolCalls) {
        let args: Record<string, unknown> = {};
        try { args = JSON.parse(c.function.arguments || '{}') as Record<string, unknown>; } catch { /* scored as no arguments */ }
        calls.push({ name: c.function.name, args });
      }
      return s;
    },
  };
  return { model: w, calls };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Every message through the assistant's turn on `deps` (the demo seed and the owner entries). */
export async function judgeAiPath(deps: Deps, model: AssistantModel, messages: readonly EvalMessage[], timeoutMs = 30_000): Promise<AiVerdict[]> {
  const out: AiVerdict[] = [];
  for (const m of messages) {
    const site = await findSite(deps, m.site);
    if (!site) throw new Error(`no demo site ${m.site}`);
    const w = watched(model);
    const t0 = performance.now();
    const r = await runAssistant(deps, { model: w.model, timeoutMs, dailyTokens: 0 }, { business: site.business, ctx: demoContext(m.site, NOW), lang: m.lang, text: m.text });
    const ms = performance.now() - t0;
    const used = new Set(w.calls.map((c) => c.name));
    const ids = [...new Set(w.calls.filter((c) => ['quote', 'find_slots', 'book'].includes(c.name) && typeof c.args.service_id === 'string').map((c) => c.args.service_id as string))];
    let intent: AiVerdict['intent'] = 'fallback';
    if (r.ok && r.action) intent = r.action.kind === 'handoff' ? 'human' : r.action.kind;
    else if (r.ok) intent = used.has('quote') ? 'prices' : used.has('find_slots') ? 'book' : 'other';
    const services = ids.length > 0 ? ids : r.ok && r.serviceId ? [r.serviceId] : [];
    const expected = m.service === undefined ? [] : [m.service].flat();
    out.push({
      m,
      intent,
      services,
      fallback: r.ok ? null : r.reason,
      ms,
      tokens: r.tokens,
      toolCalls: r.toolCalls,
      ok: {
        intent: intent === m.intent,
        service: sameSet(services, expected),
        kb: m.kb === undefined ? null : r.ok && r.reply !== null && r.action === null,
      },
    });
  }
  return out;
}

const pct = (ok: number, all: number) => (all === 0 ? '—' : `${((100 * ok) / all).toFixed(1)} % (${ok}/${all})`);
const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

/** Per-language rows: accuracy, fallbacks, latency and tokens per turn. */
export function aiRows(verdicts: readonly AiVerdict[]): string[] {
  return (['ru', 'hy', 'en', 'all'] as const).map((l) => {
    const vs = verdicts.filter((v) => l === 'all' || v.m.lang === l);
    const kb = vs.filter((v) => v.ok.kb !== null);
    const times = vs.map((v) => v.ms).sort((a, b) => a - b);
    const mean = (f: (v: AiVerdict) => number) => (vs.length ? vs.reduce((n, v) => n + f(v), 0) / vs.length : 0);
    return `| ${l} | ${vs.length} | ${pct(vs.filter((v) => v.ok.intent).length, vs.length)} | ${pct(vs.filter((v) => v.ok.service).length, vs.length)} | ${pct(kb.filter((v) => v.ok.kb).length, kb.length)} | ${vs.filter((v) => v.fallback).length} | ${at(times, 0.5).toFixed(0)} ms | ${at(times, 0.99).toFixed(0)} ms | ${mean((v) => v.tokens).toFixed(0)} | ${mean((v) => v.toolCalls).toFixed(1)} |`;
  });
}

export const AI_HEADER = [
  '| lang | messages | intent | service | KB answered | fallbacks (engine answers) | p50 | p99 | tokens per turn | tool calls per turn |',
  '|---|---|---|---|---|---|---|---|---|---|',
];

/** The AI path's part of the section: the tables when an endpoint is set, else why it was not run. */
export async function aiPathSection(deps: Deps, endpoint: AiEndpoint | null, sets: ReadonlyArray<{ name: string; messages: readonly EvalMessage[] }>): Promise<string[]> {
  if (!endpoint) {
    return [
      '### AI path',
      '',
      'Not run: no endpoint configured (`AI_BASE_URL` and `AI_MODEL`, with `AI_API_KEY`). With them set, `BENCH_ONLY=eval` sends every message of every set through the assistant\'s turn (services/assistant/turn.ts: prompt, tools over our services, guardrails) with the official `openai` client and reports intent, service and knowledge answers per language, fallbacks, latency and tokens per turn. This machine has no network: **the AI path has never been run against a real model here**; test/assistant-eval.test.ts proves the code path against the scripted fake provider (src/dev/fake-ai-provider.ts) on loopback.',
      '',
    ];
  }
  const model = openAiModel(endpoint);
  const lines = ['### AI path', '', `Endpoint ${new URL(endpoint.baseURL).host}, model \`${endpoint.model}\`, through the official \`openai\` client; every message to the assistant's turn (not only the engine's leftovers). Latency is wall-clock per turn, all model steps and tools; tokens are the provider's usage.`, ''];
  for (const set of sets) {
    const verdicts = await judgeAiPath(deps, model, set.messages);
    lines.push(`**${set.name}**`, '', ...AI_HEADER, ...aiRows(verdicts), '');
  }
  return lines;
}
