import type { GeneratorCallback, Tree } from '@nx/devkit';
import { execFileSync } from 'node:child_process';

/** Run by Nx once the files are written: `npm run contracts`, so docs/contracts match the new declarations. */
export function regenerateContracts(tree: Tree): GeneratorCallback {
  return () => {
    execFileSync(process.execPath, ['tools/contracts/generate-contracts.mjs'], { cwd: tree.root, stdio: 'inherit' });
  };
}
