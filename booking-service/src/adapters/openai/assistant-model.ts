/**
 * The assistant's model through the official `openai` client pointed at any OpenAI-compatible
 * endpoint (`baseURL`): OpenAI itself, Ollama, vLLM, or the fake provider in tests. No retries
 * here: the assistant's turn has a deadline and falls back to the deterministic engine instead.
 */
import OpenAI from 'openai';
import type { AssistantEndpoint, AssistantModel, AssistantModelFactory, ChatMessage, ConnectionCheck, ModelStep, ToolSpec } from '../../ports/assistant.js';

export type OpenAiModelConfig = AssistantEndpoint;

export function openAiModel(cfg: OpenAiModelConfig): AssistantModel {
  const client = new OpenAI({ baseURL: cfg.baseURL, apiKey: cfg.apiKey, maxRetries: 0 });
  return {
    name: cfg.model,
    async step(messages: ChatMessage[], tools: ToolSpec[], signal: AbortSignal): Promise<ModelStep> {
      const r = await client.chat.completions.create({ model: cfg.model, messages, ...(tools.length ? { tools } : {}), temperature: 0 }, { signal });
      const m = r.choices[0]?.message;
      const toolCalls = (m?.tool_calls ?? []).flatMap((c) => (c.type === 'function' ? [{ id: c.id, type: 'function' as const, function: { name: c.function.name, arguments: c.function.arguments } }] : []));
      return { content: m?.content ?? null, toolCalls, tokens: r.usage?.total_tokens ?? 0 };
    },
  };
}

/** One tiny completion ("ping" → a word), its failure sorted by what the owner can fix. */
export async function checkOpenAiEndpoint(cfg: OpenAiModelConfig, signal: AbortSignal): Promise<ConnectionCheck> {
  try {
    const step = await openAiModel(cfg).step([{ role: 'system', content: 'Answer with one word: OK.' }, { role: 'user', content: 'ping' }], [], signal);
    return { ok: true, tokens: step.tokens };
  } catch (err) {
    const detail = err instanceof Error ? err.message.slice(0, 300) : String(err);
    if (signal.aborted || err instanceof OpenAI.APIConnectionTimeoutError) return { ok: false, reason: 'timeout', detail };
    if (err instanceof OpenAI.AuthenticationError || err instanceof OpenAI.PermissionDeniedError) return { ok: false, reason: 'key', detail };
    if (err instanceof OpenAI.NotFoundError) return { ok: false, reason: 'not_found', detail };
    if (err instanceof OpenAI.APIConnectionError) return { ok: false, reason: 'unreachable', detail };
    return { ok: false, reason: 'other', detail };
  }
}

export const openAiModels: AssistantModelFactory = { model: openAiModel, check: checkOpenAiEndpoint };
