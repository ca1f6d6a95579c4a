import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeAll, temporaryDirectory } from '../test/runtime-harness';
import { SourceWatcher } from './source-watcher';

afterAll(closeAll);

const nextChange = (changes: string[]): Promise<void> =>
  new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (changes.length > 0) resolve(clearInterval(poll));
      else if (Date.now() - started > 2000) reject(new Error('no change seen'));
    }, 5);
  });

describe('SourceWatcher', () => {
  const directory = temporaryDirectory();
  const watched = join(directory, 'watched.ts');
  const other = join(directory, 'other.ts');
  writeFileSync(watched, 'export const a = 1;\n');
  writeFileSync(other, 'export const b = 1;\n');
  const watcher = new SourceWatcher();
  afterAll(() => watcher.close());

  it('sees a save made by renaming a temporary file over the watched one (editors do this)', async () => {
    const changes: string[] = [];
    const subscription = watcher.subscribe([watched], (file) => changes.push(file));
    writeFileSync(join(directory, '.watched.ts.tmp'), 'export const a = 2;\n');
    renameSync(join(directory, '.watched.ts.tmp'), watched);
    await nextChange(changes);
    expect(changes).toContain(watched);
    subscription.close();
  });

  it('ignores files it was not asked about, and stops after the subscription closes', async () => {
    const changes: string[] = [];
    const subscription = watcher.subscribe([watched], (file) => changes.push(file));
    writeFileSync(other, 'export const b = 2;\n');
    subscription.update([other]);
    writeFileSync(watched, 'export const a = 3;\n');
    writeFileSync(other, 'export const b = 3;\n');
    await nextChange(changes);
    expect(new Set(changes)).toEqual(new Set([other]));
    subscription.close();
    changes.length = 0;
    writeFileSync(other, 'export const b = 4;\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changes).toEqual([]);
  });
});
