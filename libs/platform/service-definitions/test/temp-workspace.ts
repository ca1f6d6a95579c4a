import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { findWorkspaceRoot } from '../src/find-workspace-root';

type Path = readonly (string | number)[];

function isContainer(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A throwaway workspace holding a copy of the real orders declarations (with stub handlers) to break on purpose. */
export class TempWorkspace {
  readonly root = mkdtempSync(join(tmpdir(), 'harbor-defs-'));

  constructor() {
    writeFileSync(join(this.root, 'nx.json'), '{}');
    cpSync(join(findWorkspaceRoot(__dirname), 'apps', 'orders', 'api'), join(this.root, 'apps', 'orders', 'api'), {
      recursive: true,
    });
    const functions = this.read('orders', 'functions')['functions'];
    for (const fn of Object.values(isContainer(functions) ? functions : {})) {
      if (isContainer(fn))
        this.writeText(join('apps', 'orders', String(fn['handler'])), 'export const handler = () => undefined;\n');
    }
  }

  read(service: string, file: string): Record<string, unknown> {
    const document: unknown = parse(readFileSync(join(this.root, 'apps', service, 'api', `${file}.yaml`), 'utf8'));
    return isContainer(document) ? document : {};
  }

  /** Sets (or with `undefined`, deletes) the value at `path` in apps/<service>/api/<file>.yaml. */
  set(service: string, file: string, path: Path, value: unknown): this {
    const document = this.read(service, file);
    let parent: unknown = document;
    for (const key of path.slice(0, -1)) {
      if (!isContainer(parent)) throw new Error(`No ${path.join('.')} in ${file}.yaml`);
      parent[key] ??= {};
      parent = parent[key];
    }
    if (!isContainer(parent)) throw new Error(`No ${path.join('.')} in ${file}.yaml`);
    const last = path[path.length - 1];
    if (value === undefined) delete parent[last];
    else parent[last] = value;
    return this.write(service, file, stringify(document));
  }

  write(service: string, file: string, text: string): this {
    return this.writeText(join('apps', service, 'api', `${file}.yaml`), text);
  }

  writeText(relativePath: string, text: string): this {
    const path = join(this.root, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return this;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
