import type { OperatorParser } from '../compile/operator-parser';
import { fail } from '../compile/pattern-problem';
import { showJson } from '../model/json';
import { cidrContains, parseCidrBlock } from '../values/cidr-block';
import { parseIpAddress } from '../values/ip-address';

/** `{"cidr": "10.0.0.0/24"}` or an IPv6 block: matches string values that are addresses inside the block. */
export const parseCidr: OperatorParser = (operand, path) => {
  if (typeof operand !== 'string') {
    // AWS's compiler reuses the prefix message here.
    fail(
      path,
      `"cidr" needs a CIDR block string such as "10.0.0.0/24", not ${showJson(operand)}`,
      'prefix match pattern must be a string',
    );
  }
  const parsed = parseCidrBlock(operand);
  if ('problem' in parsed) fail(path, parsed.problem, parsed.awsReason);
  const { block } = parsed;
  return {
    description: `cidr ${showJson(operand)}`,
    matches: (value) => {
      if (typeof value !== 'string') return false;
      const address = parseIpAddress(value);
      return address !== undefined && cidrContains(block, address);
    },
  };
};
