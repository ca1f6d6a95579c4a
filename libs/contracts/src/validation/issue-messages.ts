/**
 * Error customisers shared by every schema: a missing field says "is required", anything else gets the
 * rule it broke. The field itself is named by `toFieldErrors`, from the issue's path.
 */
export function requiredOr(message: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'is required' : message);
}
