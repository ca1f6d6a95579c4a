// Entry point Nx requires (generators.json); the generator itself is service.generator.ts.
require('../load-typescript.cjs');
module.exports = require('./service.generator.ts');
