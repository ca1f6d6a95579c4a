import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotEmulated } from './unsupported-declarations';

/** The Terraform module every function is deployed with; its `runtime` variable's default is the deployed runtime. */
export const LAMBDA_MODULE_VARIABLES = 'infra/modules/lambda-function/variables.tf';

const RUNTIME_DEFAULT = /variable\s+"runtime"\s*\{[^}]*?\bdefault\s*=\s*"([^"]+)"/;

/**
 * The Lambda runtime Terraform deploys (`nodejs22.x`), read from the module rather than repeated here, so a
 * runtime upgrade in infra/ moves the local functions' AWS_EXECUTION_ENV (and the Node.js check) with it.
 * Undefined in a workspace without the module (the runtime's own default then applies); a module whose default
 * cannot be read stops start-up, naming the file.
 */
export function deployedRuntime(workspaceRoot: string): string | undefined {
  const file = LAMBDA_MODULE_VARIABLES;
  const path = join(workspaceRoot, file);
  if (!existsSync(path)) return undefined;
  const runtime = RUNTIME_DEFAULT.exec(readFileSync(path, 'utf8'))?.[1];
  if (!runtime)
    throw new NotEmulated(`${file}: variable "runtime" has no literal default, so the local runtime is unknown`, {
      file,
      feature: 'variable.runtime',
    });
  return runtime;
}
