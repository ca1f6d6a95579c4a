import type { Access } from './deployed.mjs';
import type { LocalTarget } from './targets.mjs';

export declare function localToken(target: Pick<LocalTarget, 'aws'>, claims: Record<string, unknown>): Promise<string>;
export declare function localAccess(
  target: Pick<LocalTarget, 'aws' | 'dynamodb' | 'name'>,
  env?: Record<string, string | undefined>,
): Access;
