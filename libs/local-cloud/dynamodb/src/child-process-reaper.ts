import type { ChildProcess } from 'node:child_process';

/**
 * Kills registered child processes when this process exits or is told to stop, so no JVM outlives its
 * parent holding a port. Handlers are installed while at least one child is registered.
 */
const children = new Set<ChildProcess>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function killAll(): void {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
}

function onExit(): void {
  killAll();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  uninstall();
  // Listening to a signal replaces Node's default of exiting; restore it when nobody else handles it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  process.on('exit', onExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', onExit);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

export function reapOnExit(child: ChildProcess): void {
  if (children.size === 0) install();
  children.add(child);
}

export function forget(child: ChildProcess): void {
  children.delete(child);
  if (children.size === 0) uninstall();
}
