import { GatewayDefinitionError, unsupported } from './definition-error';
import type { PlaceholderResolver } from './placeholder-resolver';
import { isRecord } from './json-values';

// Terraform templatefile syntax: `${expr}` is interpolated, `$${` and `%%{` are escapes for a literal `${` / `%{`,
// and `%{ ... }` starts a directive.
const TOKEN = /\$\$\{|%%\{|%\{|\$\{([^}]*)\}/g;

const describe = (path: readonly string[]): string => path.join('.') || '(document root)';

const resolveString = (text: string, resolve: PlaceholderResolver, file: string, path: readonly string[]): string =>
  text.replace(TOKEN, (token: string, expression: string | undefined) => {
    if (token === '$${') return '${';
    if (token === '%%{') return '%{';
    if (token === '%{') {
      throw unsupported(
        { file },
        'templatefile directive',
        `a %{ ... } directive at ${describe(path)} is not emulated`,
      );
    }
    const name = (expression ?? '').trim();
    const value = resolve(name);
    if (value === undefined) {
      throw new GatewayDefinitionError(
        'GATEWAY.UNRESOLVED_PLACEHOLDER',
        { file },
        `placeholder \${${name}}`,
        `no local value for it (at ${describe(path)})`,
      );
    }
    return value;
  });

/**
 * Returns a copy of the document with every `${...}` placeholder replaced the way Terraform's templatefile
 * would, but with local values. Runs once at start-up, so requests never see a placeholder.
 */
export const resolvePlaceholders = (
  value: unknown,
  resolve: PlaceholderResolver,
  file: string,
  path: readonly string[] = [],
): unknown => {
  if (typeof value === 'string') return value.includes('{') ? resolveString(value, resolve, file, path) : value;
  if (Array.isArray(value))
    return value.map((item, index) => resolvePlaceholders(item, resolve, file, [...path, String(index)]));
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value))
      copy[key] = resolvePlaceholders(entry, resolve, file, [...path, key]);
    return copy;
  }
  return value;
};
