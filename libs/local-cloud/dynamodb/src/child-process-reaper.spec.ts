import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileForNode, eventually, isRunning, runParentWithChild } from '../test/process-helpers';

describe('reapOnExit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'harbor-reaper-'));
  beforeAll(() => compileForNode(dir, 'child-process-reaper.ts', 'reaper.js'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['the parent exits normally', 'setTimeout(() => process.exit(0), 50);', null],
    [
      'the parent gets SIGTERM',
      'setTimeout(() => process.kill(process.pid, "SIGTERM"), 50); setInterval(() => {}, 1000);',
      'SIGTERM',
    ],
    [
      'the parent gets SIGINT',
      'setTimeout(() => process.kill(process.pid, "SIGINT"), 50); setInterval(() => {}, 1000);',
      'SIGINT',
    ],
    ['the parent throws', 'setTimeout(() => { throw new Error("crash"); }, 50);', null],
  ])(
    'kills the child when %s',
    async (_case, ending, parentSignal) => {
      const { childPid, signal } = runParentWithChild(dir, `require('./reaper.js').reapOnExit(child);\n${ending}`);
      // A signal still ends the parent as it would without the reaper.
      expect(signal).toBe(parentSignal);
      const gone = await eventually(() => !isRunning(childPid));
      if (!gone) process.kill(childPid, 'SIGKILL');
      expect(gone).toBe(true);
    },
    20_000,
  );
});
