/**
 * The WhatsApp Cloud API over HTTPS (Graph API `v21.0`), with the API root from configuration
 * (`WHATSAPP_API_ROOT`): graph.facebook.com, or the loopback emulator (src/dev/whatsapp-emulator.ts)
 * in tests and the demo — the same client code either way. Plain `fetch`: the Graph API is JSON
 * over HTTPS with a bearer token, and Meta's own Node SDK is archived.
 */
import type { WaOut } from '../../domain/channels/whatsapp-render.js';
import { WhatsAppError, type WhatsAppApiFactory } from '../../ports/whatsapp.js';

export const GRAPH_VERSION = 'v21.0';

interface GraphError { error?: { message?: string; code?: number; error_subcode?: number } }

export function cloudApi(apiRoot: string, timeoutMs = 15_000): WhatsAppApiFactory {
  const root = `${apiRoot.replace(/\/+$/, '')}/${GRAPH_VERSION}`;
  return ({ phoneNumberId, accessToken }) => {
    async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${root}/${encodeURIComponent(phoneNumberId)}${path}`, {
        method,
        headers: { authorization: `Bearer ${accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const json = (await res.json().catch(() => ({}))) as T & GraphError;
      if (!res.ok || json.error) throw new WhatsAppError(json.error?.message ?? `Graph API answered ${res.status}`, res.status, json.error?.code);
      return json;
    }
    return {
      async phoneNumber() {
        const n = await call<{ id: string; display_phone_number: string; verified_name: string }>('GET', '?fields=id,display_phone_number,verified_name');
        return { id: n.id, displayPhoneNumber: n.display_phone_number, verifiedName: n.verified_name };
      },
      async send(to: string, message: WaOut) {
        const r = await call<{ messages?: Array<{ id: string }> }>('POST', '/messages', { messaging_product: 'whatsapp', recipient_type: 'individual', to, ...message });
        const id = r.messages?.[0]?.id;
        if (!id) throw new WhatsAppError('Graph API accepted no message', 502, undefined);
        return { messageId: id };
      },
    };
  };
}
