/**
 * Ports that stay clear of a developer's own service (3000) and demo (8080). E2E_BOOKING_PORT /
 * E2E_DEMO_PORT let two e2e runs share one machine.
 */
export const BOOKING_PORT = Number(process.env.E2E_BOOKING_PORT ?? 3100);
export const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 8180);
export const BOOKING_URL = `http://localhost:${BOOKING_PORT}`;
export const DEMO_URL = `http://localhost:${DEMO_PORT}`;
