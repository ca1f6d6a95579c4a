import { ROOT_PATH } from '../model/key-path';
import { fail } from './pattern-problem';

/** A pattern or policy as given: its parsed JSON and its size as AWS counts it. */
export interface PatternSource {
  readonly value: unknown;
  /** Characters of the JSON text (the compact serialisation when an object was given). */
  readonly length: number;
  /** Bytes of the JSON text in UTF-8. */
  readonly bytes: number;
}

/** Accepts the JSON text (as the APIs carry it) or an already parsed value (as declaration files give it). */
export function readPatternSource(pattern: unknown): PatternSource {
  const text = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
  if (text === undefined) {
    fail(ROOT_PATH, `must be a JSON object, not ${String(pattern)}`, 'Filter is not an object');
  }
  return {
    value: typeof pattern === 'string' ? parseJsonText(pattern) : pattern,
    length: text.length,
    bytes: Buffer.byteLength(text, 'utf8'),
  };
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = `is not valid JSON (${(error as Error).message})`;
    return fail(ROOT_PATH, problem, problem);
  }
}
