// The console's build step for `npm start` (tools/scripts/start-local-cloud.mjs): builds the web console with Vite
// when its output is missing or older than its sources, in a child process so the local cloud starts meanwhile.
// While it builds, `<out>.building` exists and the local cloud answers GET / with 503 "console is building".
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(webRoot, '../../../..');
export const consoleOutDir = join(workspaceRoot, 'dist/local-cloud/console');
const marker = `${consoleOutDir}.building`;
// One staging folder per process: two starts building at once must not write into each other's output.
const staging = `${consoleOutDir}.next-${process.pid}`;

/** Newest modification time of what the build reads: the web sources (not its tests) and the locked dependencies. */
function newestSourceMs(dir = webRoot) {
  let newest = statSync(join(workspaceRoot, 'package-lock.json')).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'e2e' || entry.name === 'node_modules' || entry.name.endsWith('.spec.ts')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/ holds a build at least as new as every source. */
export function consoleBuildIsFresh() {
  const index = join(consoleOutDir, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newestSourceMs();
}

/**
 * Starts a build when the output is stale and resolves when it is done (at once when fresh). The new build is
 * written beside the old one and swapped in whole, so the server never serves half of each.
 */
export function ensureConsoleBuild({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (consoleBuildIsFresh()) {
    rmSync(marker, { force: true });
    return { building: false, done: Promise.resolve(true) };
  }
  mkdirSync(dirname(marker), { recursive: true }); // a clean clone has no dist/ yet
  writeFileSync(marker, String(process.pid));
  rmSync(staging, { recursive: true, force: true });
  const startedAt = performance.now();
  const vite = join(workspaceRoot, 'node_modules/vite/bin/vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--config', join(webRoot, 'vite.config.mts')], {
    cwd: workspaceRoot,
    env: { ...process.env, HARBOR_CONSOLE_OUT_DIR: staging },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)));
  const stopChild = () => child.kill();
  process.once('exit', stopChild);
  const done = new Promise((ok) => {
    child.once('exit', (code) => {
      process.removeListener('exit', stopChild);
      if (code === 0) {
        try {
          rmSync(consoleOutDir, { recursive: true, force: true });
          renameSync(staging, consoleOutDir);
          log(`console built in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
        } catch (error) {
          // Another start swapped its own (equally fresh) build in first.
          rmSync(staging, { recursive: true, force: true });
          log(`console built, not swapped in: ${error.message}`);
        }
      } else {
        log(`console build failed (${code}): ${errors.trim()}`);
      }
      rmSync(marker, { force: true });
      ok(code === 0);
    });
  });
  return { building: true, done };
}
