/**
 * AWS compares numbers in patterns at a fixed precision within a fixed range (EventBridge: ±5.0e9 with six
 * decimal digits; SNS: ±1.0e9 with five). Numbers are scaled to integers at that precision so that
 * `3.018e2` equals `301.8` and float noise beyond the precision is ignored, as it is by AWS.
 */
export interface NumberPolicy {
  readonly limit: number;
  readonly decimals: number;
}

/** The number as an integer at the policy's precision, or undefined when it is outside the range. */
export function toComparable(value: number, policy: NumberPolicy): number | undefined {
  if (!Number.isFinite(value) || value < -policy.limit || value > policy.limit) return undefined;
  return Math.round(value * 10 ** policy.decimals);
}

export function isWithinRange(value: number, policy: NumberPolicy): boolean {
  return toComparable(value, policy) !== undefined;
}

/** Equal at the policy's precision when both are in range; outside it only identical numbers are equal. */
export function numbersEqual(a: number, b: number, policy: NumberPolicy): boolean {
  const left = toComparable(a, policy);
  const right = toComparable(b, policy);
  if (left === undefined || right === undefined) return a === b;
  return left === right;
}

export function rangeText(policy: NumberPolicy): string {
  const short = (value: number) => value.toExponential(1).replace('e+', 'e');
  return `between ${short(-policy.limit)} and ${short(policy.limit)}`;
}

/** The range as Java prints it in AWS's messages: `-5.0E9` and `5.0E9`. */
export function awsRangeReason(policy: NumberPolicy): string {
  const java = (value: number) => value.toExponential(1).toUpperCase().replace('E+', 'E');
  return `Value must be between ${java(-policy.limit)} and ${java(policy.limit)}, inclusive`;
}
