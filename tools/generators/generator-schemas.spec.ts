import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Schema {
  readonly required?: string[];
  readonly properties: Record<string, { 'x-prompt'?: string }>;
}

const collection = JSON.parse(readFileSync(join(__dirname, '..', 'generators.json'), 'utf8')) as {
  generators: Record<string, { schema: string }>;
};

describe('generator schemas', () => {
  // Nx asks for a required option it was not given only when the option has an x-prompt (Nx Console shows it too).
  it.each(Object.entries(collection.generators))('%s prompts for every required option', (_name, { schema }) => {
    const { required = [], properties } = JSON.parse(readFileSync(join(__dirname, '..', schema), 'utf8')) as Schema;
    expect(required.filter((option) => !properties[option]?.['x-prompt'])).toEqual([]);
  });
});
