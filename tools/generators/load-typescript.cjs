// Nx loads a local plugin with Node's own loader, and Node 20 cannot run TypeScript without a transpiler package.
// The generators are TypeScript (typechecked and linted with the rest of tools/), so their entry points compile
// them on require with @swc/core, which the workspace already has for Jest. Jest and tsx bring their own.
const { readFileSync } = require('node:fs');

if (!require.extensions['.ts']) {
  const { transformSync } = require('@swc/core');
  require.extensions['.ts'] = function compileTypeScript(module, filename) {
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      sourceMaps: 'inline',
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    module._compile(code, filename);
  };
}
