import type { PlaceholderResolver } from '@harbor/local-cloud-gateway';
import { unresolvedPlaceholder, unsupported } from '../errors';
import { isRecord } from './json-values';

// Terraform templatefile syntax, as the REST gateway reads it: `${expr}` is interpolated, `$${` and `%%{` are
// escapes, and a `%{ ... }` directive is not emulated. (The gateway keeps its own copy unexported; see README.)
const TOKEN = /\$\$\{|%%\{|%\{|\$\{([^}]*)\}/g;

const describe = (path: readonly string[]): string => path.join('.') || '(document root)';

const resolveString = (text: string, resolve: PlaceholderResolver, file: string, path: readonly string[]): string =>
  text.replace(TOKEN, (token: string, expression: string | undefined) => {
    if (token === '$${') return '${';
    if (token === '%%{') return '%{';
    if (token === '%{') throw unsupported({ file }, 'templatefile directive', `a %{ ... } directive at ${describe(path)} is not emulated`);
    const name = (expression ?? '').trim();
    const value = resolve(name);
    if (value === undefined) throw unresolvedPlaceholder({ file }, `placeholder \${${name}}`, `no local value for it (at ${describe(path)})`);
    return value;
  });

/** A copy of the document with every `${...}` replaced by its local value; runs once, at start-up. */
export const resolvePlaceholders = (value: unknown, resolve: PlaceholderResolver, file: string, path: readonly string[] = []): unknown => {
  if (typeof value === 'string') return value.includes('{') ? resolveString(value, resolve, file, path) : value;
  if (Array.isArray(value)) return value.map((item, index) => resolvePlaceholders(item, resolve, file, [...path, String(index)]));
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) copy[key] = resolvePlaceholders(entry, resolve, file, [...path, key]);
    return copy;
  }
  return value;
};
