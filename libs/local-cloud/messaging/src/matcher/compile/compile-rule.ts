import type { PatternErrorDetails } from '../errors';
import { ROOT_LOCATION } from '../model/key-path';
import type { ObjectRule } from '../model/rule-tree';
import type { Dialect } from './dialect';
import { parseObjectRule } from './object-rule.parser';
import { PatternProblem } from './pattern-problem';

/**
 * Runs a compile step and turns the first problem it finds into the service's public error, so the
 * compilers never leak the internal problem type.
 */
export function reportingProblemsAs<T>(step: () => T, toError: (details: PatternErrorDetails) => Error): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof PatternProblem) {
      throw toError({ path: error.path, problem: error.text, awsReason: error.awsReason });
    }
    throw error;
  }
}

export function compileObjectRule(value: unknown, dialect: Dialect): ObjectRule {
  return parseObjectRule(value, ROOT_LOCATION, dialect);
}
