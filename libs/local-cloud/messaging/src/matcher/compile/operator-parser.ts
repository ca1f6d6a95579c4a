import type { FieldMatcher } from '../model/rule-tree';
import type { Dialect } from './dialect';

/** Turns the operand of one operator (`{"prefix": <operand>}`) into a matcher, or fails naming the problem. */
export type OperatorParser = (operand: unknown, path: string, dialect: Dialect) => FieldMatcher;
