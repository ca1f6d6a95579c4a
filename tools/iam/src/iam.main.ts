import { findWorkspaceRoot, IAM_COMMAND } from '@harbor/platform-service-definitions';
import { staleAccessFiles, writeAccessFiles } from './access-files';

// `npm run iam` writes every service's access.generated.json; `npm run iam -- --check` only says which are stale.
const workspaceRoot = findWorkspaceRoot(__dirname);
if (process.argv.includes('--check')) {
  const stale = staleAccessFiles(workspaceRoot);
  for (const path of stale) console.error(`stale     ${path}: run ${IAM_COMMAND}`);
  if (stale.length > 0) process.exitCode = 1;
  else console.log('every access.generated.json is what the code derives');
} else {
  const written = writeAccessFiles(workspaceRoot);
  for (const path of written) console.log(`wrote     ${path}`);
  if (written.length === 0) console.log('every access.generated.json was already what the code derives');
}
