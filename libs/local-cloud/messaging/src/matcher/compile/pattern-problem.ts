/**
 * Thrown while compiling when a pattern or policy is invalid; each service's compiler turns it into its own
 * public error. `text` explains the problem in plain words; `awsReason` is the wording AWS's rule compiler
 * uses for the same problem where it is known (otherwise the plain text again), so the SNS and EventBridge
 * emulators can answer the way AWS does.
 */
export class PatternProblem extends Error {
  constructor(
    readonly path: string,
    readonly text: string,
    readonly awsReason: string,
  ) {
    super(`"${path}": ${text}`);
    this.name = 'PatternProblem';
  }
}

export function fail(path: string, text: string, awsReason: string = text): never {
  throw new PatternProblem(path, text, awsReason);
}
