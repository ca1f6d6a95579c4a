// Builds every Lambda function a service declares in apps/<service>/api/functions.yaml:
// one minified CommonJS bundle per function (options in lambda-bundle-options.mjs), zipped for Terraform as
// dist/apps/<service>/<functionKey>.zip with fixed timestamps, so an unchanged build gives an identical zip
// (and Terraform sees no change in source_code_hash). Sizes go to dist/apps/<service>/bundles.json.
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { lambdaBundleOptions } from './lambda-bundle-options.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const service = process.argv[2];
if (!service) {
  console.error('usage: node tools/build/build-lambdas.mjs <service>');
  process.exit(2);
}
const declarations = join(root, 'apps', service, 'api', 'functions.yaml');
const { functions } = parse(readFileSync(declarations, 'utf8'));
const outDir = join(root, 'dist', 'apps', service);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const FIXED_TIME = new Date('2020-01-01T00:00:00Z');

async function buildFunction(key, { handler, tables }) {
  const entry = join(root, 'apps', service, handler);
  const bundleDir = join(outDir, key);
  const result = await build(lambdaBundleOptions(root, { entry, outfile: join(bundleDir, 'index.js') }));
  const code = readFileSync(join(bundleDir, 'index.js'));
  const map = readFileSync(join(bundleDir, 'index.js.map'));
  const zip = zipSync(
    { 'index.js': [code, { mtime: FIXED_TIME }], 'index.js.map': [map, { mtime: FIXED_TIME }] },
    { level: 9 },
  );
  writeFileSync(join(outDir, `${key}.zip`), zip);
  const inputs = Object.keys(result.metafile.inputs);
  const firstPartyInputs = inputs.filter((input) => !input.includes('node_modules')).length;
  // The bench compares a function that bundles Dynamoose with a Dynamoose-only floor, the others with `node -e 0`.
  const [output] = Object.values(result.metafile.outputs).filter((out) => out.entryPoint);
  const usesDynamoose = Object.entries(output.inputs).some(
    ([input, { bytesInOutput }]) => input.includes('node_modules/dynamoose/') && bytesInOutput > 0,
  );
  return {
    function: key,
    handler,
    minifiedBytes: code.length,
    gzippedBytes: gzipSync(code).length,
    zipBytes: zip.length,
    firstPartyInputs,
    usesDynamoose,
    declaresTables: (tables ?? []).length > 0,
  };
}

const sizes = [];
for (const [key, definition] of Object.entries(functions)) sizes.push(await buildFunction(key, definition));
writeFileSync(join(outDir, 'bundles.json'), JSON.stringify(sizes, null, 2) + '\n');
for (const s of sizes) {
  console.log(
    `${relative(root, join(outDir, s.function + '.zip'))}  ${(s.minifiedBytes / 1024).toFixed(1)} KiB min, ${(s.gzippedBytes / 1024).toFixed(1)} KiB gz`,
  );
}
