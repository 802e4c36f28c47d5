import pg from 'pg';
import { createBenchDatabase, seedLoad } from './http.js';
const { database, url, drop } = await createBenchDatabase();
try {
  const today = new Date();
  await seedLoad(database, today);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('ANALYZE');
  const mod = await import('../src/services/schedule.ts');
  const text = (mod as any).SCHEDULE_SQL_FOR_EXPLAIN;
  const from = new Date(today.getTime()).toISOString(), to = new Date(today.getTime() + 9 * 86400000).toISOString();
  const d = (x: string) => x.slice(0, 10);
  for (const ids of ['{"barber-marcus"}', '{' + ['barber-marcus','barber-diego','barber-sam', ...Array.from({length:17},(_, i)=>`bench-staff-${i+1}`)].map(x=>`"${x}"`).join(',') + '}']) {
    await c.query('SET plan_cache_mode = force_generic_plan');
    await c.query({ name: 'x' + ids.length, text: text, values: ['biz-barber-nyc', ids, from, from, to, d(from), d(to), ''] });
    const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS OFF) ${text.replace(/\$(\d)/g, (_: string, n: string) => ({1:"'biz-barber-nyc'",2:`'${ids}'`,3:`'${from}'`,4:`'${from}'`,5:`'${to}'`,6:`'${d(from)}'`,7:`'${d(to)}'`,8:"''"} as any)[n])}`);
    console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
  }
  await c.end();
} finally { await drop(); }
