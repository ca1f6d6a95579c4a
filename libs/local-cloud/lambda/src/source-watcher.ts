import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type SourceChangeListener = (file: string) => void;

export interface SourceSubscription {
  /** Replaces the watched files (after a rebuild found different inputs). */
  update(files: readonly string[]): void;
  close(): void;
}

interface WatchedDirectory {
  readonly watcher: FSWatcher;
  /** File name in the directory -> listeners interested in it. */
  readonly files: Map<string, Set<SourceChangeListener>>;
}

/**
 * Watches source files through their directories (one `fs.watch` per directory, shared by every function):
 * editors that save by writing a temporary file and renaming it replace the file's inode, which a watcher on
 * the file itself would stop seeing.
 */
export class SourceWatcher {
  private readonly directories = new Map<string, WatchedDirectory>();

  subscribe(files: readonly string[], listener: SourceChangeListener): SourceSubscription {
    let current = new Set<string>();
    const update = (next: readonly string[]): void => {
      const wanted = new Set(next);
      for (const file of current) if (!wanted.has(file)) this.remove(file, listener);
      for (const file of wanted) if (!current.has(file)) this.add(file, listener);
      current = wanted;
    };
    update(files);
    return { update, close: () => update([]) };
  }

  close(): void {
    for (const directory of this.directories.values()) directory.watcher.close();
    this.directories.clear();
  }

  private add(file: string, listener: SourceChangeListener): void {
    const path = dirname(file);
    let directory = this.directories.get(path);
    if (!directory) {
      const files = new Map<string, Set<SourceChangeListener>>();
      const watcher = this.watchDirectory(path, files);
      if (!watcher) return;
      // A directory that disappears (a deleted temp folder) must not crash the process.
      watcher.on('error', () => this.drop(path));
      directory = { watcher, files };
      this.directories.set(path, directory);
    }
    const name = basename(file);
    const listeners = directory.files.get(name) ?? new Set<SourceChangeListener>();
    listeners.add(listener);
    directory.files.set(name, listeners);
  }

  private watchDirectory(path: string, files: Map<string, Set<SourceChangeListener>>): FSWatcher | undefined {
    try {
      return watch(path, { persistent: false }, (_event, name) => {
        const fileName = name?.toString();
        if (!fileName) return;
        for (const notify of files.get(fileName) ?? []) notify(join(path, fileName));
      });
    } catch {
      return undefined; // a directory that does not exist has nothing to watch
    }
  }

  private remove(file: string, listener: SourceChangeListener): void {
    const path = dirname(file);
    const directory = this.directories.get(path);
    const listeners = directory?.files.get(basename(file));
    if (!directory || !listeners) return;
    listeners.delete(listener);
    if (listeners.size === 0) directory.files.delete(basename(file));
    if (directory.files.size === 0) this.drop(path);
  }

  private drop(path: string): void {
    this.directories.get(path)?.watcher.close();
    this.directories.delete(path);
  }
}
