import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The nearest folder at or above `from` that holds nx.json. */
export function findWorkspaceRoot(from: string = process.cwd()): string {
  let current = resolve(from);
  for (;;) {
    if (existsSync(join(current, 'nx.json'))) return current;
    const parent = dirname(current);
    if (parent === current) throw new Error(`No nx.json found in ${resolve(from)} or any folder above it`);
    current = parent;
  }
}
