/**
 * A scripted OpenAI-compatible provider on loopback (issue 18): `POST {baseURL}/chat/completions`
 * answers with the next scripted step — a reply, or tool calls — so the real `openai` client is
 * what tests drive. It keeps every request it received (tests check what the prompt contains), can
 * wait before answering (timeouts) and counts tokens as a provider would (usage.total_tokens).
 *
 * Recorded conversations (`RecordedConversation`, test/fixtures/ai/*.json): pairs of the request's
 * messages and the provider's response, as captured from a real provider. Replayed, each request
 * must carry the recorded messages (roles and contents; tool-call ids may differ) or the fake answers
 * 409 naming the first difference — so a change to the prompt or tools shows up in CI.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatMessage, ToolCall } from '../ports/assistant.js';

/** One step of a script: the model's reply or its tool calls (arguments as objects). */
export type ScriptedStep =
  | { reply: string; tokens?: number; delayMs?: number }
  | { tools: Array<{ name: string; args: Record<string, unknown> }>; tokens?: number; delayMs?: number };

/** The recorded-conversation format: what was sent, and what the provider answered. */
export interface RecordedConversation {
  /** Where it came from (model, date) — for people. */
  note?: string;
  exchanges: Array<{
    request: { messages: ChatMessage[] };
    response: { content: string | null; tool_calls?: ToolCall[]; total_tokens?: number };
  }>;
}

export interface FakeAiProvider {
  /** The client's baseURL (…/v1). */
  baseURL: string;
  /** The message lists received, in order. */
  requests: ChatMessage[][];
  /** The tool names offered with each request. */
  tools: string[][];
  /** Steps still to play (a request with none left gets a plain "…" reply). */
  script(steps: ScriptedStep[]): void;
  replay(recorded: RecordedConversation): void;
  /** Tokens answered so far (the usage the fake reported). */
  tokens: number;
  close(): Promise<void>;
}

const stripIds = (m: ChatMessage): unknown =>
  m.role === 'tool' ? { role: 'tool', content: m.content }
    : m.role === 'assistant' ? { role: 'assistant', content: m.content ?? null, tools: (m.tool_calls ?? []).map((c) => [c.function.name, c.function.arguments]) }
    : { role: m.role, content: m.content };

export async function startFakeAiProvider(): Promise<FakeAiProvider> {
  let steps: ScriptedStep[] = [];
  let recorded: RecordedConversation['exchanges'] | null = null;
  let n = 0;
  const state = { tokens: 0 };
  const requests: ChatMessage[][] = [];
  const tools: string[][] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      void (async () => {
        if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://fake').pathname !== '/v1/chat/completions') {
          res.writeHead(404).end();
          return;
        }
        const parsed = JSON.parse(body) as { messages: ChatMessage[]; tools?: Array<{ function: { name: string } }>; model: string };
        requests.push(parsed.messages);
        tools.push((parsed.tools ?? []).map((t) => t.function.name));
        let content: string | null = '…';
        let toolCalls: ToolCall[] = [];
        let total = 10;
        if (recorded) {
          const ex = recorded[requests.length - 1];
          const want = ex ? JSON.stringify(ex.request.messages.map(stripIds)) : null;
          const got = JSON.stringify(parsed.messages.map(stripIds));
          if (!ex || want !== got) {
            res.writeHead(409, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `request ${requests.length} differs from the recording`, want, got } }));
            return;
          }
          content = ex.response.content;
          toolCalls = ex.response.tool_calls ?? [];
          total = ex.response.total_tokens ?? total;
        } else {
          const step = steps.shift();
          if (step?.delayMs) await new Promise((r) => setTimeout(r, step.delayMs));
          if (step && 'reply' in step) content = step.reply;
          if (step && 'tools' in step) {
            content = null;
            toolCalls = step.tools.map((t) => ({ id: `call_${++n}`, type: 'function' as const, function: { name: t.name, arguments: JSON.stringify(t.args) } }));
          }
          total = step?.tokens ?? total;
        }
        state.tokens += total;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: 0,
          model: parsed.model,
          choices: [{ index: 0, finish_reason: toolCalls.length ? 'tool_calls' : 'stop', message: { role: 'assistant', content, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) } }],
          usage: { prompt_tokens: total - 1, completion_tokens: 1, total_tokens: total },
        }));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    tools,
    script(s) { steps = [...s]; recorded = null; },
    replay(r) { recorded = r.exchanges; steps = []; requests.length = 0; tools.length = 0; },
    get tokens() { return state.tokens; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
