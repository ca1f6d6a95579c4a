import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A parsed OpenAPI fixture, placeholders untouched. */
export const loadFixture = (name: string): Record<string, unknown> =>
  parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

export const fixturePath = (name: string): string => `libs/local-cloud/http-api/test/fixtures/${name}`;

export const ISSUER_URL = 'http://127.0.0.1:4566/_local';

/** The placeholders of the fixtures, resolved as the local cloud would: functions `pets.<key>`, the local issuer. */
export const fixtureResolver = (expression: string): string | undefined => {
  const lambda = /^lambda_invoke_arns\.(.+)$/.exec(expression);
  if (lambda) return `pets.${lambda[1]}`;
  return expression === 'issuer_url' ? ISSUER_URL : undefined;
};
