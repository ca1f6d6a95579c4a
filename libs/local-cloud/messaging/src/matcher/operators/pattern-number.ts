import type { Dialect } from '../compile/dialect';
import { fail } from '../compile/pattern-problem';
import { awsRangeReason, isWithinRange, rangeText } from '../values/comparable-number';

/** A number a comparison operator stores (numeric bounds, anything-but numbers) must be in the service's range. */
export function comparableOperand(value: number, path: string, dialect: Dialect): number {
  if (!isWithinRange(value, dialect.numbers)) {
    fail(
      path,
      `${value} is out of range: ${dialect.label} compare numbers ${rangeText(dialect.numbers)}`,
      awsRangeReason(dialect.numbers),
    );
  }
  return value;
}
