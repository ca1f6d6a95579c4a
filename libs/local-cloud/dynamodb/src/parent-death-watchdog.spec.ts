import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileForNode, eventually, isRunning, runParentWithChild } from '../test/process-helpers';

describe('killOnParentDeath', () => {
  const dir = mkdtempSync(join(tmpdir(), 'harbor-watchdog-'));
  beforeAll(() => compileForNode(dir, 'parent-death-watchdog.ts', 'watchdog.js'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('kills the child when the parent is SIGKILLed (no exit handler can run)', async () => {
    const { childPid, signal } = runParentWithChild(
      dir,
      `require('./watchdog.js').killOnParentDeath(child);
       setTimeout(() => process.kill(process.pid, 'SIGKILL'), 100);`,
    );
    expect(signal).toBe('SIGKILL');
    const gone = await eventually(() => !isRunning(childPid));
    if (!gone) process.kill(childPid, 'SIGKILL');
    expect(gone).toBe(true);
  }, 20_000);

  it('leaves the child alone once dismissed', async () => {
    const { childPid } = runParentWithChild(
      dir,
      `const watchdog = require('./watchdog.js').killOnParentDeath(child);
       child.unref();
       setTimeout(() => { watchdog.dismiss(); setTimeout(() => process.exit(0), 100); }, 100);`,
      '{ stdio: "ignore", detached: true }',
    );
    const survived = !(await eventually(() => !isRunning(childPid), 500));
    if (isRunning(childPid)) process.kill(childPid, 'SIGKILL');
    expect(survived).toBe(true);
  }, 20_000);
});
