/**
 * Build step (`npm run build`): writes dist/pglite-template, an initialised and migrated embedded
 * database folder that a new DATA_DIR starts as a copy of (adapters/db/pglite-template.ts), and
 * dist/pglite-template-demo, the same with the demo businesses seeded.
 */
import { openDatabase } from '../adapters/db/client.js';
import { DEMO_TEMPLATE_DIR, makeTemplate, TEMPLATE_DIR } from '../adapters/db/pglite-template.js';
import { ensureDemo } from '../seed/ensure-demo.js';

import { rmSync } from 'node:fs';

// From scratch (initdb + every migration), not from the previous build's template.
rmSync(TEMPLATE_DIR, { recursive: true, force: true });
rmSync(DEMO_TEMPLATE_DIR, { recursive: true, force: true });
await makeTemplate(TEMPLATE_DIR, async (dataDir) => {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await database.close();
});
// The demo one starts as a copy of the plain one just made.
await makeTemplate(DEMO_TEMPLATE_DIR, async (dataDir) => {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  // With the demo's fingerprint, so a folder copied from it is not seeded again at its first start.
  await ensureDemo(database.db);
  await database.close();
});
console.log(`embedded database templates: ${TEMPLATE_DIR}, ${DEMO_TEMPLATE_DIR}`);
