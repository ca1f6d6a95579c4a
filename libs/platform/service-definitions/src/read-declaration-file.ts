import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { declarationErrorMap, issuesToProblems } from './declaration-problem';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Reads one YAML declaration and validates it. `displayPath` (relative to the workspace) is what error
 * messages name. A missing file reads as an empty document, so a service declares only what it has.
 */
export function readDeclarationFile<S extends z.ZodType>(
  absolutePath: string,
  displayPath: string,
  schema: S,
): ReadResult<z.output<S>> {
  const text = existsSync(absolutePath) ? readFileSync(absolutePath, 'utf8') : '';
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return `${displayPath}: line ${line}, column ${col}: ${error.message}`;
      }),
    };
  }
  const data: unknown = document.toJS() ?? {};
  const result = schema.safeParse(data, { error: declarationErrorMap });
  if (!result.success) return { ok: false, problems: issuesToProblems(displayPath, result.error) };
  return { ok: true, value: result.data };
}
