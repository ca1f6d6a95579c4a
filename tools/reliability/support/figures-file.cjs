// Where a run's figures go: the reporter names a file per run in the environment (test files inherit it), and
// recordFigures appends one JSON line per row. Under the workspace's git-ignored tmp/.
const { join } = require('node:path');

const FIGURES_FILE_VARIABLE = 'HARBOR_RELIABILITY_FIGURES_FILE';
const figuresDir = () => join(__dirname, '../../../tmp/reliability');
const defaultFiguresFile = () => join(figuresDir(), 'figures.jsonl');

module.exports = { FIGURES_FILE_VARIABLE, figuresDir, defaultFiguresFile };
