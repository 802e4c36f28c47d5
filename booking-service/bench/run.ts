/** Runs every bench and writes its section of BENCHMARKS.md (`npm run bench`). */
import { runAvailabilityBench } from './availability.js';
import { runHttpBench } from './http.js';
import { writeSection } from './report.js';

const benches: ReadonlyArray<{ name: string; run: () => Promise<string> }> = [
  { name: 'availability', run: runAvailabilityBench },
  { name: 'http', run: runHttpBench },
];

for (const bench of benches) {
  const markdown = await bench.run();
  writeSection(bench.name, markdown);
  console.log(markdown);
}
