import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findWorkspaceRoot, IAM_COMMAND } from '@harbor/platform-service-definitions';
import { deriveAccessFiles } from './access-files';

// Terraform grants each function what its service's access.generated.json says; the file must be what the code
// derives today, or a new adapter method (or a handler reaching a new one) would deploy without its grant.
const workspaceRoot = findWorkspaceRoot(__dirname);
const files = deriveAccessFiles(workspaceRoot);

describe('apps/<service>/api/access.generated.json', () => {
  it('is derived for the services of this workspace', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [file.path, file] as const))('%s is what the code derives', (path, file) => {
    const onDisk = existsSync(join(workspaceRoot, path)) ? readFileSync(join(workspaceRoot, path), 'utf8') : undefined;
    const state = onDisk === undefined ? 'missing' : onDisk === file.content ? 'up to date' : 'stale';
    // Says which command rewrites it; the diff below shows what changed.
    const said = state === 'up to date' ? state : `${state}: run ${IAM_COMMAND}`;
    expect({ path, state: said }).toEqual({ path, state: 'up to date' });
    expect(onDisk).toBe(file.content);
  });
});
