/**
 * The assistant's model through the official `openai` client pointed at any OpenAI-compatible
 * endpoint (`baseURL`): OpenAI itself, Ollama, vLLM, or the fake provider in tests. No retries
 * here: the assistant's turn has a deadline and falls back to the deterministic engine instead.
 */
import OpenAI from 'openai';
import type { AssistantModel, ChatMessage, ModelStep, ToolSpec } from '../../ports/assistant.js';

export interface OpenAiModelConfig {
  baseURL: string;
  model: string;
  apiKey: string;
}

export function openAiModel(cfg: OpenAiModelConfig): AssistantModel {
  const client = new OpenAI({ baseURL: cfg.baseURL, apiKey: cfg.apiKey, maxRetries: 0 });
  return {
    name: cfg.model,
    async step(messages: ChatMessage[], tools: ToolSpec[], signal: AbortSignal): Promise<ModelStep> {
      const r = await client.chat.completions.create({ model: cfg.model, messages, tools, temperature: 0 }, { signal });
      const m = r.choices[0]?.message;
      const toolCalls = (m?.tool_calls ?? []).flatMap((c) => (c.type === 'function' ? [{ id: c.id, type: 'function' as const, function: { name: c.function.name, arguments: c.function.arguments } }] : []));
      return { content: m?.content ?? null, toolCalls, tokens: r.usage?.total_tokens ?? 0 };
    },
  };
}
