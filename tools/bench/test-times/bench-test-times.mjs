// `npm test` wall time, cold and cached. Running the whole suite takes minutes, so it only runs on request
// (`npm run bench -- --with-test-times`); otherwise the figures last recorded in docs/benchmarks.md are shown.
//
// Cold: an empty Nx cache (a fresh NX_CACHE_DIRECTORY and workspace data folder in a temp dir). Not with
// --skip-nx-cache: that also stops Nx from storing the results, and the cached run would then be cold again.
// Cached: the same command again on that cache, nothing changed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownTable, round } from '../lib/report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DOC = join(root, 'docs', 'benchmarks.md');
// docs/benchmarks.md keeps the last measured figures on one line the bench reads back.
const RECORD = /<!-- npm-test-times: (\{.*\}) -->/;

function timeNpmTest(env) {
  const startedAt = performance.now();
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', '--outputStyle=static'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return { ms: round(performance.now() - startedAt, 0), exitCode: result.status };
}

export function benchTestTimes() {
  const scratch = mkdtempSync(join(tmpdir(), 'harbor-bench-nx-'));
  const env = {
    ...process.env,
    NX_NO_CLOUD: 'true',
    NX_DAEMON: 'false',
    NX_TUI: 'false',
    NX_CACHE_DIRECTORY: join(scratch, 'cache'),
    NX_WORKSPACE_DATA_DIRECTORY: join(scratch, 'workspace-data'),
  };
  try {
    const cold = timeNpmTest(env);
    const cached = timeNpmTest(env);
    return {
      source: 'measured',
      measuredAt: new Date().toISOString(),
      coldMs: cold.ms,
      cachedMs: cached.ms,
      coldExitCode: cold.exitCode,
      cachedExitCode: cached.exitCode,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The figures recorded in docs/benchmarks.md, or nulls when none were recorded yet. */
export function recordedTestTimes() {
  const match = existsSync(DOC) ? RECORD.exec(readFileSync(DOC, 'utf8')) : null;
  const recorded = match ? JSON.parse(match[1]) : {};
  return {
    source: 'docs/benchmarks.md',
    measuredAt: recorded.measuredAt ?? null,
    coldMs: recorded.coldMs ?? null,
    cachedMs: recorded.cachedMs ?? null,
  };
}

export function testTimesTable({ source, measuredAt, coldMs, cachedMs, coldExitCode, cachedExitCode }) {
  const shown = (ms, exitCode) =>
    ms === null ? 'not recorded' : `${round(ms / 1000, 1)} s${exitCode ? ` (exit ${exitCode})` : ''}`;
  const ratio = coldMs && cachedMs ? round(coldMs / cachedMs, 1) : '';
  const origin =
    source === 'measured'
      ? 'measured in this run'
      : `last recorded in ${source}${measuredAt ? ` (${measuredAt})` : ''}; measure with --with-test-times`;
  return `${origin}\n\n${markdownTable(
    ['run', 'wall time', 'cold ÷ cached'],
    [
      ['`npm test` cold (empty Nx cache)', shown(coldMs, coldExitCode), ratio],
      ['`npm test` cached (second run, nothing changed)', shown(cachedMs, cachedExitCode), ''],
    ],
  )}`;
}
