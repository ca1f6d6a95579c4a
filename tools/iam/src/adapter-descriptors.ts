import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ResourceAccess } from '@harbor/platform-access';
import { loadTypeScriptModule } from './load-typescript-module';

/** An adapter's declared AWS access (libs/<...>/src/<adapter>.access.ts), as the derivation uses it. */
export interface AdapterDescriptor {
  /** Workspace-relative path of the descriptor file. */
  readonly file: string;
  /** Absolute path of the folder holding it (and the adapter it describes). */
  readonly dir: string;
  readonly exportName: string;
  /** Name of the class (or factory function) it describes, declared in a file of the same folder. */
  readonly adapter: string;
  /** Per port method; undefined for an adapter a framework drives (whenWired). */
  readonly methods: Readonly<Record<string, readonly ResourceAccess[]>> | undefined;
  readonly whenWired: readonly ResourceAccess[];
}

function accessFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : accessFiles(path);
    return entry.name.endsWith('.access.ts') ? [path] : [];
  });
}

interface DescriptorShape {
  readonly adapter?: unknown;
  readonly methods?: Record<string, readonly ResourceAccess[]>;
  readonly whenWired?: readonly ResourceAccess[];
}

const isDescriptor = (value: unknown): value is DescriptorShape =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as DescriptorShape).adapter === 'string' &&
  ((value as DescriptorShape).methods !== undefined || (value as DescriptorShape).whenWired !== undefined);

/** Every access descriptor of the workspace's libs (their files import only types, so they load as plain modules). */
export function loadAdapterDescriptors(workspaceRoot: string): AdapterDescriptor[] {
  return accessFiles(join(workspaceRoot, 'libs'))
    .sort()
    .flatMap((path) => {
      const exports = loadTypeScriptModule(path) as Record<string, unknown>;
      return Object.entries(exports)
        .filter((entry): entry is [string, DescriptorShape] => isDescriptor(entry[1]))
        .map(([exportName, descriptor]) => ({
          file: relative(workspaceRoot, path),
          dir: dirname(path),
          exportName,
          adapter: String(descriptor.adapter),
          methods: descriptor.methods,
          whenWired: descriptor.whenWired ?? [],
        }));
    });
}

export const descriptorDir = (descriptor: AdapterDescriptor): string => descriptor.dir;
