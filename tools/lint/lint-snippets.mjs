// Lints code snippets as if they were files at the given paths, with the workspace's ESLint config.
// stdin: [{ "filePath": "...", "code": "..." }]; stdout: [[ "ruleId: message", ... ], ...] in the same order.
// A plain Node process because ESLint loads eslint.config.mjs with a dynamic import Jest's VM cannot do.
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { text } from 'node:stream/consumers';

const cwd = resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd });
const snippets = JSON.parse(await text(process.stdin));
const results = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: resolve(cwd, filePath) });
  results.push(result.messages.map((m) => `${m.ruleId}: ${m.message}`));
}
process.stdout.write(JSON.stringify(results));
