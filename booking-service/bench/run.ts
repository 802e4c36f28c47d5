/**
 * Runs every bench and writes its section of BENCHMARKS.md (`npm run bench`).
 * BENCH_ONLY=http,storm runs a subset; opt-in benches (tenants) run only when named there.
 * PostgreSQL figures need DATABASE_URL.
 */
import { runAssistantBench } from './assistant.js';
import { runAvailabilityBench } from './availability.js';
import { runConversationBench } from './conversation.js';
import { runEvalBench } from './eval.js';
import { runGapsBench } from './gaps.js';
import { runGrowthBench } from './growth.js';
import { runHttpBench } from './http.js';
import { runMailWindowBench } from './mail-window.js';
import { runPairsBench } from './pairs.js';
import { writeSection } from './report.js';
import { runSlotsShapeBench } from './slots-shape.js';
import { runTenantsBench } from './tenants.js';
import { runStartBench } from './start.js';
import { runStormBench } from './storm.js';
import { runWritesBench } from './writes.js';

/** optIn: runs only when named in BENCH_ONLY (it takes many minutes). */
const benches: ReadonlyArray<{ name: string; run: () => Promise<string>; optIn?: boolean }> = [
  { name: 'availability', run: runAvailabilityBench },
  { name: 'http', run: runHttpBench },
  { name: 'growth', run: runGrowthBench },
  { name: 'storm', run: runStormBench },
  { name: 'conversation', run: runConversationBench },
  { name: 'start', run: runStartBench },
  { name: 'slots-shape', run: runSlotsShapeBench },
  { name: 'writes', run: runWritesBench },
  { name: 'pairs', run: runPairsBench },
  { name: 'tenants', run: runTenantsBench, optIn: true },
  { name: 'mail-window', run: runMailWindowBench },
  { name: 'gaps', run: runGapsBench },
  { name: 'eval', run: runEvalBench },
  { name: 'assistant', run: runAssistantBench },
];

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
for (const bench of benches) {
  if (only ? !only.includes(bench.name) : bench.optIn) continue;
  const markdown = await bench.run();
  writeSection(bench.name, markdown);
  console.log(markdown);
}
