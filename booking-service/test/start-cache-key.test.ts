/**
 * `npm start` (turbo run start) must not rebuild when only a runtime variable changes: turbo's
 * build key holds what changes a build, and the service's settings are passed through to the
 * tasks without being hashed. Asked of turbo itself with `--dry=json` (no task runs).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../src/env.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const turbo = fileURLToPath(new URL('../../node_modules/.bin/turbo', import.meta.url));

interface DryRun {
  tasks: Array<{ taskId: string; hash: string }>;
}

/** Build task hashes with `vars` set, in an environment with no other settings of ours. */
function buildHashes(vars: Record<string, string>): Record<string, string> {
  const env: NodeJS.ProcessEnv = {};
  // Only what turbo itself needs: a runner's own settings (or a parent turbo's) must not decide the answer.
  for (const k of ['PATH', 'HOME', 'TMPDIR']) if (process.env[k] !== undefined) env[k] = process.env[k];
  const out = execFileSync(turbo, ['run', 'build', '--dry=json'], { cwd: root, env: { ...env, TURBO_TELEMETRY_DISABLED: '1', ...vars }, encoding: 'utf8' });
  const dry = JSON.parse(out.slice(out.indexOf('{'))) as DryRun;
  return Object.fromEntries(dry.tasks.map((t) => [t.taskId, t.hash]));
}

describe("turbo's build key", () => {
  it('stays the same when the runtime variables change, so a second start replays the build', () => {
    const first = buildHashes({});
    const second = buildHashes({
      PORT: '4123',
      DEMO_PORT: '9123',
      DATA_DIR: '/srv/frontdesk/data',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/other',
      PUBLIC_URL: 'https://book.example',
      APP_SECRET: 'x'.repeat(40),
      JOBS: 'false',
      CI: '1',
    });
    expect(Object.keys(second).length).toBeGreaterThan(3);
    expect(second).toEqual(first);
  }, 30_000);

  it('changes when a variable that changes the build output does (DEBUG_BUILD: unminified widget)', () => {
    const plain = buildHashes({});
    const debug = buildHashes({ DEBUG_BUILD: '1' });
    expect(debug['@frontdesk/widget#build']).not.toBe(plain['@frontdesk/widget#build']);
  }, 30_000);

  it("passes every setting the service reads through to the tasks (turbo's strict mode drops the rest)", () => {
    const config = JSON.parse(readFileSync(`${root}/turbo.json`, 'utf8')) as { globalPassThroughEnv: string[] };
    const missing = Object.keys(envSchema.shape).filter((k) => !config.globalPassThroughEnv.includes(k));
    expect(missing).toEqual([]);
  });
});
