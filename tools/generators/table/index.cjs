// Entry point Nx requires (generators.json); the generator itself is table.generator.ts.
require('../load-typescript.cjs');
module.exports = require('./table.generator.ts');
