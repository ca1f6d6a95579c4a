// Tokens and webhook credentials for either kind of target: the local cloud's, or a deployed environment's.
import { deployedAccess } from './deployed.mjs';
import { localAccess } from './local-access.mjs';

export const accessFor = (target) => (target.kind === 'local' ? localAccess(target) : deployedAccess(target));
