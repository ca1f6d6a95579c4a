// Builds every Lambda function a service declares in apps/<service>/api/functions.yaml:
// one minified CommonJS bundle per function (target node20, source map), zipped for Terraform as
// dist/apps/<service>/<functionKey>.zip with fixed timestamps, so an unchanged build gives an identical zip
// (and Terraform sees no change in source_code_hash). Sizes go to dist/apps/<service>/bundles.json.
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';

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

async function buildFunction(key, { handler }) {
  const entry = join(root, 'apps', service, handler);
  const bundleDir = join(outDir, key);
  const result = await build({
    entryPoints: [entry],
    outfile: join(bundleDir, 'index.js'),
    bundle: true,
    minify: true,
    platform: 'node',
    // The runtime Terraform deploys (infra/modules/lambda-function: nodejs22.x); local runs use the host's Node.
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    tsconfig: join(root, 'tsconfig.base.json'),
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  const code = readFileSync(join(bundleDir, 'index.js'));
  const map = readFileSync(join(bundleDir, 'index.js.map'));
  const zip = zipSync(
    { 'index.js': [code, { mtime: FIXED_TIME }], 'index.js.map': [map, { mtime: FIXED_TIME }] },
    { level: 9 },
  );
  writeFileSync(join(outDir, `${key}.zip`), zip);
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules')).length;
  return {
    function: key,
    handler,
    minifiedBytes: code.length,
    gzippedBytes: gzipSync(code).length,
    zipBytes: zip.length,
    firstPartyInputs: inputs,
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
