import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';

// Runs in its own tiny Node process: its stdin is a pipe from us, which the OS closes however we die
// (SIGKILL and crashes included), and then it kills the guarded process.
const WATCHDOG_SCRIPT = `
const guarded = Number(process.argv[1]);
const killGuarded = () => { try { process.kill(guarded, 'SIGKILL'); } catch {} process.exit(0); };
process.stdin.on('end', killGuarded);
process.stdin.on('error', killGuarded);
process.stdin.resume();
`;

export interface Watchdog {
  /** Call once the guarded process is stopped: the watchdog leaves without killing anything. */
  dismiss(): void;
}

/**
 * Guards `child` against this process dying without a chance to clean up (SIGKILL, a closed pipe, a crash
 * that skips exit handlers), which the exit and signal handlers cannot cover.
 */
export function killOnParentDeath(child: ChildProcess): Watchdog {
  if (child.pid === undefined) return { dismiss: () => undefined };
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG_SCRIPT, String(child.pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // Neither the watchdog nor its pipe may keep this process alive.
  watchdog.unref();
  (watchdog.stdin as Socket | null)?.unref();
  watchdog.on('error', () => undefined);
  watchdog.stdin?.on('error', () => undefined);
  const dismiss = (): void => void watchdog.kill('SIGKILL');
  // A guarded process that ends on its own frees its pid for reuse: the watchdog must not outlive it.
  child.once('exit', dismiss);
  return { dismiss };
}
