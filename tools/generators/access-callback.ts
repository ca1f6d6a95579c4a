import type { GeneratorCallback, Tree } from '@nx/devkit';
import { execFileSync } from 'node:child_process';

/**
 * Run by Nx once the files are written: `npm run iam`, so each function's access.generated.json holds the grants
 * its handler's adapters derive (Terraform grants that file; functions.yaml declares no actions).
 */
export function regenerateAccess(tree: Tree): GeneratorCallback {
  return () => {
    execFileSync(process.execPath, ['tools/iam/iam.mjs'], { cwd: tree.root, stdio: 'inherit' });
  };
}

/** One callback running each of `callbacks` in turn. */
export function afterwards(...callbacks: GeneratorCallback[]): GeneratorCallback {
  return async () => {
    for (const callback of callbacks) await callback();
  };
}
