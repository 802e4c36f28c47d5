/**
 * The optional AI assistant's model (issue 18): one chat-completion step of an OpenAI-compatible
 * endpoint (OpenAI, a local Ollama or vLLM…). The adapter is adapters/openai/; tests drive the real
 * client against the scripted fake provider in src/dev/fake-ai-provider.ts. Absent = the assistant is off.
 */
export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] | undefined }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ToolSpec {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface ModelStep {
  content: string | null;
  toolCalls: ToolCall[];
  /** Tokens the provider counted for this step (0 when it reports none). */
  tokens: number;
}

export interface AssistantModel {
  /** Which model answers (for the record). */
  readonly name: string;
  step(messages: ChatMessage[], tools: ToolSpec[], signal: AbortSignal): Promise<ModelStep>;
}

/** The owner's "Test connection": one tiny call, and what went wrong in words a person can act on. */
export type ConnectionCheck =
  | { ok: true; tokens: number }
  | { ok: false; reason: 'key' | 'not_found' | 'unreachable' | 'timeout' | 'other'; detail: string };

export interface AssistantEndpoint {
  baseURL: string;
  model: string;
  apiKey: string;
}

/** Builds a model for an endpoint (adapters/openai in production; the business's own settings use it). */
export interface AssistantModelFactory {
  model(endpoint: AssistantEndpoint): AssistantModel;
  check(endpoint: AssistantEndpoint, signal: AbortSignal): Promise<ConnectionCheck>;
}
