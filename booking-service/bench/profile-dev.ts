import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
// scratch: not kept
import { prepareDatabase, drive, rssMiB } from './http.js';
import { startService } from '../test/support/spawn-service.js';
const kind = (process.env.KIND ?? 'postgres') as 'pglite' | 'postgres';
const today = new Date();
const { env, cleanup } = await prepareDatabase(kind, today);
const nodeArgs = process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [];
const svc = await startService({ ...env, SEED_DEMO: 'false', APP_SECRET: 'b'.repeat(40), JOBS: 'false', RATE_LIMIT_PER_IP: '10000000', RATE_LIMIT_PER_SITE: '10000000' }, { nodeArgs });
try {
  const from = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
  const base = { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from, days: 7 };
  const cpu = () => { const f = require('node:fs').readFileSync(`/proc/${svc.child.pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
  for (const [l, inp] of [['one', { ...base, staffId: 'barber-marcus' }], ['any', base]] as const) {
    const c0 = cpu();
    const r = await drive(svc, l, inp);
    const c1 = cpu();
    console.log(l, 'p50', r.p50, 'p99', r.p99, 'rps', r.rps, 'cpu ms/req', ((c1 - c0) / (r.rps * Number(process.env.BENCH_SECONDS ?? 15) + 50)).toFixed(2));
  }
  console.log('rss', rssMiB(svc.child.pid!));
} finally {
  await svc.stop('SIGINT');
  await cleanup();
}
