import { findWorkspaceRoot } from '@harbor/platform-service-definitions';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helpText, OPTIONS, parseCommandLine } from './command-line';

describe('parseCommandLine', () => {
  it('reads --help', () => {
    expect(parseCommandLine(['--help']).help).toBe(true);
  });

  it('refuses an unknown option, pointing at --help', () => {
    expect(() => parseCommandLine(['--fersh'])).toThrow(
      'unknown option --fersh (npm start -- --help lists the options)',
    );
  });
});

describe('helpText', () => {
  it('lists every option with the variable it falls back to', () => {
    const text = helpText();
    for (const [name, spec] of Object.entries(OPTIONS)) {
      expect(text).toContain(`--${name}`);
      if ('env' in spec) expect(text).toContain(`[${spec.env}]`);
    }
    expect(text).toMatch(/^Usage: npm start -- \[options\]/);
  });

  it('is what the README shows', () => {
    const readme = readFileSync(join(findWorkspaceRoot(__dirname), 'README.md'), 'utf8');
    expect(readme).toContain('```text\n' + helpText().trimEnd() + '\n```');
  });
});
