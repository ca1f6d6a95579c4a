import type { z } from 'zod';

/** `tables.orders.hashKey.type`; the empty path is the whole file. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(file)' : path.map(String).join('.');
}

export function problem(file: string, path: readonly PropertyKey[], message: string): string {
  return `${file}: ${formatFieldPath(path)}: ${message}`;
}

/** One line per issue; an unknown key is reported at its own path so a typo is easy to find. */
export function issuesToProblems(file: string, error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => problem(file, [...issue.path, key], 'unknown field'));
    // A bad record key: say what the key should look like, not zod's generic "Invalid key in record".
    if (issue.code === 'invalid_key') return [problem(file, issue.path, issue.issues[0]?.message ?? issue.message)];
    return [problem(file, issue.path, issue.message)];
  });
}

/** Parse-level messages: a missing field says so instead of "expected string, received undefined". */
export function declarationErrorMap(issue: { code?: string; input?: unknown }): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return undefined;
}
