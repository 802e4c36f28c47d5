/**
 * Runs the Google Calendar emulator on its own (for the demo or manual tries):
 *   npx tsx src/dev/run-google-emulator.ts [port]
 * then start the service with GOOGLE_API_ROOT, GOOGLE_OAUTH_AUTH_URL and GOOGLE_OAUTH_TOKEN_URL
 * set to the printed values (plus any GOOGLE_CLIENT_ID/SECRET and a GOOGLE_TOKEN_KEY).
 * It is a demo calendar, not Google: its consent page says so.
 */
import { startGoogleEmulator } from './google-emulator.js';

const port = Number(process.argv[2] ?? 4010);
const emu = await startGoogleEmulator({ port });
console.log(`Demo Google Calendar emulator (not Google) on ${emu.url}`);
console.log(`GOOGLE_API_ROOT=${emu.apiRoot}\nGOOGLE_OAUTH_AUTH_URL=${emu.authUrl}\nGOOGLE_OAUTH_TOKEN_URL=${emu.tokenUrl}`);
const stop = () => void emu.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
