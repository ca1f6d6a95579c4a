import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** A parsed OpenAPI fixture from the test folder, placeholders untouched. */
export const loadFixture = (name: string): unknown => parse(readFileSync(join(FIXTURES, name), 'utf8'));

export const fixturePath = (name: string): string => `libs/local-cloud/gateway/test/fixtures/${name}`;

/** The placeholders of the fixtures, resolved as the local cloud would. */
export const fixtureResolver =
  (overrides: Record<string, string> = {}) =>
  (expression: string): string | undefined => {
    if (overrides[expression] !== undefined) return overrides[expression];
    const lambda = /^lambda_invoke_arns\.(.+)$/.exec(expression);
    if (lambda) return `shop.${lambda[1]}`;
    const topic = /^topic_arns\.(.+)$/.exec(expression);
    if (topic) return `arn:aws:sns:us-east-1:123456789012:harbor-local-${topic[1]}`;
    const role = /^sns_publish_role_arns\.(.+)$/.exec(expression);
    if (role) return `arn:aws:iam::123456789012:role/harbor-local-${role[1]}-publish`;
    if (expression === 'cognito_user_pool_arn') return 'http://127.0.0.1:4566/_local';
    if (expression === 'region') return 'us-east-1';
    return undefined;
  };

/** The fixture with values replaced at the given paths (a deep copy, the file untouched). */
export const fixtureWith = (name: string, changes: readonly (readonly [readonly string[], unknown])[]): unknown => {
  const document = loadFixture(name) as Record<string, unknown>;
  for (const [path, value] of changes) {
    let node = document;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[path[path.length - 1]] = value;
  }
  return document;
};
