import type { z } from 'zod';

/** One problem with one field, as clients see it: `{ field: 'lines[3].quantity', message: 'lines[3].quantity must be …' }`. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** The name used when an issue concerns the whole input rather than one of its fields. */
export const ROOT_FIELD = '(root)';

/** Renders a zod issue path the way domain errors name fields: `['lines', 3, 'quantity']` → `lines[3].quantity`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return ROOT_FIELD;
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

/** Every issue of a failed parse, each naming its field; unknown keys are reported one field at a time. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const field = formatFieldPath([...issue.path, key]);
        return { field, message: `${field} is not an allowed field` };
      });
    }
    const field = formatFieldPath(issue.path);
    return [{ field, message: `${field} ${issue.message}` }];
  });
}
