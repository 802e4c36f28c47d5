/**
 * Build step (`npm run build`): writes dist/pglite-template, an initialised and migrated embedded
 * database folder that a new DATA_DIR starts as a copy of (adapters/db/pglite-template.ts).
 */
import { openDatabase } from '../adapters/db/client.js';
import { makeTemplate, TEMPLATE_DIR } from '../adapters/db/pglite-template.js';

import { rmSync } from 'node:fs';

// From scratch (initdb + every migration), not from the previous build's template.
rmSync(TEMPLATE_DIR, { recursive: true, force: true });
await makeTemplate(TEMPLATE_DIR, async (dataDir) => {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await database.close();
});
console.log(`embedded database template: ${TEMPLATE_DIR}`);
