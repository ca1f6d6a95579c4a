import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { infraDir, rootDirs } from './support/terraform-files';

// Roots commit their dependency lock file (the check inits them with -lockfile=readonly, so each must be valid for
// the provider mirror). Modules and stacks are not roots: the lock file `terraform test` leaves there is ignored.
const LOCK_FILE = '.terraform.lock.hcl';
const AWS_PROVIDER =
  /provider "registry\.terraform\.io\/hashicorp\/aws" \{\s*version\s*=\s*"([^"]+)"\s*constraints\s*=\s*"([^"]+)"/;

describe('dependency lock files', () => {
  const roots = rootDirs();

  it.each(roots)('%s commits one, selecting hashicorp/aws', (root) => {
    const file = join(infraDir, root, LOCK_FILE);
    expect(existsSync(file)).toBe(true);
    expect(AWS_PROVIDER.test(readFileSync(file, 'utf8'))).toBe(true);
  });

  it('select the same provider version and constraint in every root', () => {
    const selections = new Set(
      roots.map((root) =>
        AWS_PROVIDER.exec(readFileSync(join(infraDir, root, LOCK_FILE), 'utf8'))
          ?.slice(1)
          .join(' '),
      ),
    );
    expect(selections.size).toBe(1);
  });
});
