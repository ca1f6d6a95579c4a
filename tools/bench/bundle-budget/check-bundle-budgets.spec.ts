import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkBundleBudgets } from './check-bundle-budgets.mjs';

const KiB = 1024;
const budgets = { orders: { placeOrder: { maxMinifiedKiB: 900 }, getOrder: { maxMinifiedKiB: 300 } } };
const bundle = (name: string, kib: number) => ({
  function: name,
  handler: `src/${name}.handler.ts`,
  minifiedBytes: Math.round(kib * KiB),
  gzippedBytes: 1,
  zipBytes: 1,
  firstPartyInputs: 1,
});

describe('checkBundleBudgets', () => {
  it('passes bundles within their budgets, one exactly at it', () => {
    expect(checkBundleBudgets('orders', [bundle('placeOrder', 899.9), bundle('getOrder', 300)], budgets)).toEqual([]);
  });

  it('names the function, its size and its budget when a bundle grew past it', () => {
    expect(checkBundleBudgets('orders', [bundle('placeOrder', 950.25), bundle('getOrder', 100)], budgets)).toEqual([
      'orders.placeOrder is 950.3 KiB minified, over its budget of 900 KiB',
    ]);
  });

  it('fails a function that has no budget, and a service that has none at all', () => {
    const problems = checkBundleBudgets(
      'orders',
      [bundle('placeOrder', 10), bundle('getOrder', 10), bundle('refundOrder', 12.5)],
      budgets,
    );
    expect(problems).toEqual([expect.stringMatching(/^orders\.refundOrder has no budget \(12\.5 KiB minified\)/)]);
    expect(checkBundleBudgets('shipping', [bundle('ship', 1)], budgets)).toEqual([
      expect.stringMatching(/^shipping\.ship has no budget/),
    ]);
  });

  it('fails a budget that is not a positive number', () => {
    expect(
      checkBundleBudgets('orders', [bundle('placeOrder', 1)], { orders: { placeOrder: { maxMinifiedKiB: 0 } } }),
    ).toEqual([expect.stringMatching(/^orders\.placeOrder has no budget/)]);
  });

  it('fails a function that declares no table yet bundles Dynamoose, and passes one that declares its table', () => {
    const webhook = { ...bundle('placeOrder', 500), usesDynamoose: true, declaresTables: false };
    const withTable = { ...bundle('getOrder', 200), usesDynamoose: true, declaresTables: true };
    expect(checkBundleBudgets('orders', [webhook, withTable], budgets)).toEqual([
      'orders.placeOrder declares no table but bundles Dynamoose (500.0 KiB minified): wire only the adapters its handler uses',
    ]);
  });

  it('fails a budget left behind for a function that is no longer built', () => {
    expect(checkBundleBudgets('orders', [bundle('placeOrder', 1)], budgets)).toEqual([
      'orders.getOrder has a budget but no bundle: remove it from the budget file',
    ]);
  });
});

// The command the `bundle-budget` Nx target runs, on a fake bundles.json: its exit code is what fails `npm test`.
describe('check-bundle-budgets.mjs', () => {
  let dir: string;
  const run = (bundles: unknown[]) => {
    writeFileSync(join(dir, 'bundles.json'), JSON.stringify(bundles));
    writeFileSync(join(dir, 'budgets.json'), JSON.stringify(budgets));
    return spawnSync(
      process.execPath,
      [
        join(__dirname, 'check-bundle-budgets.mjs'),
        'orders',
        '--bundles',
        join(dir, 'bundles.json'),
        '--budgets',
        join(dir, 'budgets.json'),
      ],
      { encoding: 'utf8' },
    );
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'harbor-bundle-budget-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 naming the function and both sizes when a bundle is over budget', () => {
    const result = run([bundle('placeOrder', 1000), bundle('getOrder', 200)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Bundle budget check FAILED for orders');
    expect(result.stderr).toContain('orders.placeOrder is 1000.0 KiB minified, over its budget of 900 KiB');
  });

  it('exits 0 when every bundle is within its budget', () => {
    const result = run([bundle('placeOrder', 800), bundle('getOrder', 200)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('orders: 2 bundles within their budgets');
  });
});

// The committed budgets cover exactly the functions the services declare, so a new function cannot slip past.
describe('tools/bench/bundle-budgets.json', () => {
  const workspaceRoot = join(__dirname, '..', '..', '..');
  const committed = JSON.parse(readFileSync(join(__dirname, '..', 'bundle-budgets.json'), 'utf8')) as Record<
    string,
    Record<string, { maxMinifiedKiB: number }>
  >;
  const servicesWithFunctions = readdirSync(join(workspaceRoot, 'apps')).filter((service) =>
    existsSync(join(workspaceRoot, 'apps', service, 'api', 'functions.yaml')),
  );

  it.each(servicesWithFunctions)(
    'has a positive whole number of KiB for each function %s declares, and nothing else',
    (service) => {
      const declared = Object.keys(
        (
          parse(readFileSync(join(workspaceRoot, 'apps', service, 'api', 'functions.yaml'), 'utf8')) as {
            functions: object;
          }
        ).functions,
      );
      expect(Object.keys(committed[service] ?? {}).sort()).toEqual(declared.sort());
      for (const { maxMinifiedKiB } of Object.values(committed[service] ?? {}))
        expect(Number.isInteger(maxMinifiedKiB) && maxMinifiedKiB > 0).toBe(true);
    },
  );

  it('has no service without functions', () => {
    expect(Object.keys(committed).sort()).toEqual([...servicesWithFunctions].sort());
  });
});
