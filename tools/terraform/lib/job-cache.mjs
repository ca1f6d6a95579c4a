// Reuses a root's or test suite's last result while nothing it reads has changed, so a second run after editing one
// module only re-plans what depends on that module. The key covers the job's own folder, every local module it
// sources (transitively), the declarations a service stack reads, the folders its terraform tests read by relative
// path, the zips, the variables, the tool's own code, and the Terraform and provider versions; anything else forces a fresh run (--no-cache).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { OFFLINE_OVERRIDE_FILE } from './staging.mjs';

const MODULE_SOURCE = /\bsource\s*=\s*"(\.{1,2}\/[^"]*)"/g;

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === '.terraform' || entry.name === OFFLINE_OVERRIDE_FILE) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The job's folder and every local module folder reachable through `source = "./..."` or `"../..."`. */
function moduleClosure(root) {
  const seen = new Set();
  const pending = [resolve(root)];
  while (pending.length > 0) {
    const dir = pending.pop();
    if (seen.has(dir)) continue;
    seen.add(dir);
    for (const file of filesUnder(dir).filter((path) => /\.tf(test\.hcl)?$/.test(path))) {
      for (const match of readFileSync(file, 'utf8').matchAll(MODULE_SOURCE))
        pending.push(resolve(dirname(file), match[1]));
    }
  }
  return [...seen];
}

/** A service stack (infra/services/<service>) reads apps/<service>/api by default. */
function declarationsOf(stagingRoot, dirs) {
  const services = join(stagingRoot, 'infra', 'services') + sep;
  return dirs
    .filter((dir) => dir.startsWith(services))
    .map((dir) => join(stagingRoot, 'apps', relative(services, dir).split(sep)[0], 'api'));
}

// `declarations_dir = "../../services/orders/examples/every-declaration/api"` in a test file: a folder read by path.
const TEST_FOLDER = /\b\w+_dir\s*=\s*"(\.{1,2}\/[^"$]*)"/g;

/** Folders the terraform tests of these modules read by relative path (terraform test resolves them from the module). */
function testFolders(dirs) {
  return dirs.flatMap((dir) =>
    filesUnder(dir)
      .filter((path) => path.endsWith('.tftest.hcl'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(TEST_FOLDER)].map((match) => resolve(dirname(dirname(file)), match[1])),
      ),
  );
}

export function jobKey({ stagingRoot, dir, extraFiles = [], salt }) {
  const dirs = moduleClosure(join(stagingRoot, dir));
  const files = [
    ...new Set([...dirs, ...declarationsOf(stagingRoot, dirs), ...testFolders(dirs)].flatMap(filesUnder)),
  ].sort();
  const hash = createHash('sha256').update(JSON.stringify(salt));
  for (const file of files) hash.update(`\0${relative(stagingRoot, file)}\0`).update(readFileSync(file));
  for (const file of [...extraFiles].sort())
    hash.update(`\0${file}\0${statSync(file).size}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

/** sha256 of files (the check's own code, for the salt). */
export function digestOf(files) {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(`\0${file}\0`).update(readFileSync(file));
  return hash.digest('hex');
}
