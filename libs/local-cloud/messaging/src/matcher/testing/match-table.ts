import type { CompiledMatcher, MatchExplanation, MatchResult } from '../match-result';

/**
 * Table-driven cases for the specs. `rule` names the documentation rule a case checks, e.g.
 * 'EventBridge: prefix matching — "time": [{ "prefix": "2017-10-02" }] matches "2017-10-02T18:43:48Z"'.
 */
export interface MatchCase {
  readonly rule: string;
  readonly pattern: unknown;
  readonly input: unknown;
  readonly matched: boolean;
  /** For a miss: the key the result must blame. */
  readonly path?: string;
}

export interface InvalidCase {
  readonly rule: string;
  readonly pattern: unknown;
  /** The full error message: `"<path>": <problem>`. */
  readonly message: string;
  /** AWS's wording for the problem, where the case checks it. */
  readonly awsReason?: string;
}

type Compile = (pattern: unknown) => CompiledMatcher;

export function describeMatchTable(title: string, compile: Compile, cases: readonly MatchCase[]): void {
  describe(title, () => {
    it.each(cases.map((testCase) => [testCase.rule, testCase] as const))('%s', (_rule, testCase) => {
      const compiled = compile(testCase.pattern);
      const result = compiled.match(testCase.input);
      expect(result.matched).toBe(testCase.matched);
      if (!result.matched) {
        expect(result.reason).not.toBe('');
        if (testCase.path !== undefined) expect(result.path).toBe(testCase.path);
      }
      expectExplanationToAgree(compiled.explain(testCase.input), result);
    });
  });
}

export function describeInvalidTable(
  title: string,
  compile: Compile,
  errorType: abstract new (...args: never[]) => Error,
  cases: readonly InvalidCase[],
): void {
  describe(title, () => {
    it.each(cases.map((testCase) => [testCase.rule, testCase] as const))('%s', (_rule, testCase) => {
      let thrown: unknown;
      try {
        compile(testCase.pattern);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(errorType);
      const error = thrown as Error & { details: { awsReason: string } };
      expect(error.message).toBe(testCase.message);
      if (testCase.awsReason !== undefined) expect(error.details.awsReason).toBe(testCase.awsReason);
    });
  });
}

/**
 * The explanation must tell the same story as the verdict: same answer, every deciding key (outside `$or`
 * branches) ok exactly when the input matches, and a miss names the key `match` blames among its failing keys.
 */
export function expectExplanationToAgree(explained: MatchExplanation, result: MatchResult): void {
  expect(explained.matches).toBe(result.matched);
  const deciding = explained.explanation.filter((key) => key.branch === undefined);
  expect(deciding.every((key) => key.ok)).toBe(result.matched);
  if (!result.matched) {
    const failing = deciding.filter((key) => !key.ok).map((key) => key.path);
    expect(failing).toContain(result.path);
  }
}
