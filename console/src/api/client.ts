/**
 * The console's tRPC client: the only place the app talks to the network. Same origin
 * (/console/trpc); the session cookie rides along by itself, and every request carries the
 * CSRF token the session was issued with (the server checks it on mutations).
 */
import { createTRPCClient, httpLink } from '@trpc/client';
import type { ConsoleRouter } from '../../../booking-service/src/api/console/router.js';

let csrfToken: string | null = null;

/** Remembered from auth.me / auth.login / auth.acceptInvite; cleared on sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export const trpc = createTRPCClient<ConsoleRouter>({
  links: [
    httpLink({
      url: '/console/trpc',
      // Queries as POST too: quoteTrees.preview carries a whole tree, too long for a URL
      // (the service enables allowMethodOverride for this).
      methodOverride: 'POST',
      headers: () => (csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    }),
  ],
});
