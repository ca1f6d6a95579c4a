// Jest reporter of the reliability suites: after the run, prints every row recordFigures wrote as one markdown
// table and keeps it as JSON in tmp/reliability/figures.json (git-ignored).
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { FIGURES_FILE_VARIABLE, figuresDir } = require('./figures-file.cjs');

const COLUMNS = [
  ['suite', 'suite'],
  ['promise', 'promise'],
  ['requests', 'requests'],
  ['events', 'events'],
  ['duplicatesInjected', 'duplicates injected'],
  ['faultsInjected', 'faults injected'],
  ['dlqRedriven', 'DLQ redriven'],
  ['fuzzCases', 'fuzz cases'],
  ['authCases', 'auth cases'],
  ['processExits', 'process exits'],
  ['serverErrors', '5xx'],
  ['letThrough', 'let through'],
  ['lost', 'lost'],
  ['doubled', 'doubled'],
  ['notes', 'notes'],
];

const cell = (value) =>
  value === undefined || value === '' ? '–' : String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdownTable(rows) {
  const header = `| ${COLUMNS.map(([, title]) => title).join(' | ')} |`;
  const rule = `| ${COLUMNS.map(([key]) => (key === 'suite' || key === 'promise' || key === 'notes' ? '---' : '---:')).join(' | ')} |`;
  const total = { suite: '**total**', promise: `${rows.length} promises` };
  for (const [key] of COLUMNS.slice(2, -1)) {
    const values = rows.map((row) => row[key]).filter((value) => typeof value === 'number');
    if (values.length > 0) total[key] = values.reduce((sum, value) => sum + value, 0);
  }
  const lines = [...rows, total].map((row) => `| ${COLUMNS.map(([key]) => cell(row[key])).join(' | ')} |`);
  return [header, rule, ...lines].join('\n');
}

class ReliabilityFiguresReporter {
  constructor() {
    mkdirSync(figuresDir(), { recursive: true });
    this.file = join(figuresDir(), `figures-${process.pid}-${Date.now()}.jsonl`);
    // Test files (in band or in workers started later) inherit it.
    process.env[FIGURES_FILE_VARIABLE] = this.file;
  }

  onRunComplete() {
    const rows = existsSync(this.file)
      ? readFileSync(this.file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line))
      : [];
    rmSync(this.file, { force: true });
    const summary = join(figuresDir(), 'figures.json');
    writeFileSync(summary, `${JSON.stringify({ generatedAt: new Date().toISOString(), rows }, null, 2)}\n`);
    const where = relative(process.cwd(), summary);
    const table =
      rows.length > 0
        ? markdownTable(rows)
        : '(no suite recorded figures: a suite records them only once its promise held)';
    process.stdout.write(`\nReliability figures (also in ${where})\n\n${table}\n\n`);
  }
}

module.exports = ReliabilityFiguresReporter;
module.exports.markdownTable = markdownTable;
