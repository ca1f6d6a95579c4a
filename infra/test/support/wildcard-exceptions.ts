import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './workspace';

export interface WildcardException {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly usedBy: string;
  readonly justification: string;
}

/** infra/iam-wildcard-exceptions.json: the one place listing where AWS requires a "*". */
export function loadWildcardExceptions(): WildcardException[] {
  const file = join(workspaceRoot, 'infra', 'iam-wildcard-exceptions.json');
  const { exceptions } = JSON.parse(readFileSync(file, 'utf8')) as { exceptions?: WildcardException[] };
  if (!Array.isArray(exceptions)) throw new Error(`${file} needs an "exceptions" array`);
  return exceptions;
}
