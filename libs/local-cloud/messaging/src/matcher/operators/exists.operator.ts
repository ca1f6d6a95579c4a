import type { OperatorParser } from '../compile/operator-parser';
import { fail } from '../compile/pattern-problem';
import { showJson } from '../model/json';

/**
 * `{"exists": true}` matches when the key holds at least one leaf value (null included); `false` when it
 * holds none: missing, an object (exists only looks at leaf nodes) or an empty array.
 */
export const parseExists: OperatorParser = (operand, path) => {
  if (typeof operand !== 'boolean') {
    fail(
      path,
      `"exists" takes true or false, not ${showJson(operand)}`,
      'exists match pattern must be either true or false.',
    );
  }
  return { description: `exists ${operand}`, exists: operand };
};
