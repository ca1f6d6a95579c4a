// Entry point Nx requires (generators.json); the generator itself is route.generator.ts.
require('../load-typescript.cjs');
module.exports = require('./route.generator.ts');
