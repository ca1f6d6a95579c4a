import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

/** Compiles one dependency-free source file of this lib to CommonJS in `dir`, for a separate Node process. */
export function compileForNode(dir: string, sourceFile: string, outName: string): void {
  const source = readFileSync(join(__dirname, '..', 'src', sourceFile), 'utf8');
  writeFileSync(join(dir, outName), transformSync(source, { loader: 'ts', format: 'cjs' }).code);
}

/**
 * Runs `script` in a separate Node process (cwd `dir`) after it spawned a long-lived child, whose pid it
 * prints; returns that pid and how the parent ended.
 */
export function runParentWithChild(
  dir: string,
  script: string,
  childOptions = '{ stdio: "ignore" }',
): { childPid: number; signal: NodeJS.Signals | null } {
  const prelude = `const child = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], ${childOptions});
    process.stdout.write(child.pid + '\\n');`;
  const result = spawnSync(process.execPath, ['-e', `${prelude}\n${script}`], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 10_000,
  });
  const childPid = Number(result.stdout.trim().split('\n')[0]);
  if (!Number.isInteger(childPid))
    throw new Error(`the parent printed no child pid: ${JSON.stringify(result.stdout)} ${result.stderr}`);
  return { childPid, signal: result.signal };
}

/** Running, as opposed to gone or a zombie (a killed child whose parent died is a zombie until init reaps it). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !(existsSync(stat) && / Z /.test(readFileSync(stat, 'utf8')));
}

export async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
}
