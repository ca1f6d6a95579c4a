// The bundle budget check (Nx target `bundle-budget` of each app, which its `test` depends on): every function in
// dist/apps/<service>/bundles.json must have a budget in tools/bench/bundle-budgets.json and stay within it.
// A bundle that grew past its budget, a function with no budget, a budget for a function that is no longer
// built, or a function that declares no table yet bundles Dynamoose fails the check, naming the function and sizes.
//
//   node tools/bench/bundle-budget/check-bundle-budgets.mjs <service> [--bundles <file>] [--budgets <file>]
//
// The defaults are dist/apps/<service>/bundles.json and tools/bench/bundle-budgets.json; tests pass other files.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const KiB = 1024;
const kib = (bytes) => (bytes / KiB).toFixed(1);

/**
 * Compares one service's built bundles with its budgets ({ "<function>": { "maxMinifiedKiB": n } }).
 * Returns the problems, one sentence each; an empty list means every bundle is within its budget.
 */
export function checkBundleBudgets(service, bundles, budgets) {
  const serviceBudgets = budgets[service] ?? {};
  const problems = [];
  for (const bundle of bundles) {
    const budget = serviceBudgets[bundle.function]?.maxMinifiedKiB;
    if (typeof budget !== 'number' || !(budget > 0)) {
      problems.push(
        `${service}.${bundle.function} has no budget (${kib(bundle.minifiedBytes)} KiB minified): add "${bundle.function}": { "maxMinifiedKiB": … } under "${service}"`,
      );
    } else if (bundle.minifiedBytes > budget * KiB) {
      problems.push(
        `${service}.${bundle.function} is ${kib(bundle.minifiedBytes)} KiB minified, over its budget of ${budget} KiB`,
      );
    }
  }
  // A function that declares no table cannot reach one: Dynamoose in its bundle is weight from wiring it does not use.
  for (const bundle of bundles) {
    if (bundle.usesDynamoose === true && bundle.declaresTables === false)
      problems.push(
        `${service}.${bundle.function} declares no table but bundles Dynamoose (${kib(bundle.minifiedBytes)} KiB minified): wire only the adapters its handler uses`,
      );
  }
  const built = new Set(bundles.map((bundle) => bundle.function));
  for (const name of Object.keys(serviceBudgets)) {
    if (!built.has(name))
      problems.push(`${service}.${name} has a budget but no bundle: remove it from the budget file`);
  }
  return problems;
}

function main(argv) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const [service, ...rest] = argv;
  const option = (name) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
  if (!service || service.startsWith('--')) {
    console.error(
      'usage: node tools/bench/bundle-budget/check-bundle-budgets.mjs <service> [--bundles <file>] [--budgets <file>]',
    );
    return 2;
  }
  const bundlesFile = option('--bundles') ?? join(root, 'dist', 'apps', service, 'bundles.json');
  const budgetsFile = option('--budgets') ?? join(root, 'tools', 'bench', 'bundle-budgets.json');
  if (!existsSync(bundlesFile)) {
    console.error(`Bundle budget check FAILED: ${bundlesFile} is missing; run \`npx nx build ${service}\``);
    return 1;
  }
  const bundles = JSON.parse(readFileSync(bundlesFile, 'utf8'));
  const budgets = JSON.parse(readFileSync(budgetsFile, 'utf8'));
  const problems = checkBundleBudgets(service, bundles, budgets);
  if (problems.length > 0) {
    console.error(
      `Bundle budget check FAILED for ${service} (budgets in ${relative(root, budgetsFile)}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    return 1;
  }
  console.log(`${service}: ${bundles.length} bundles within their budgets`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
