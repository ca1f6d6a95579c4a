// Entry point Nx requires (generators.json); the generator itself is event.generator.ts.
require('../load-typescript.cjs');
module.exports = require('./event.generator.ts');
