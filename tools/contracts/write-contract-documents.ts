import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateContractDocuments, schemaFile } from './contract-documents';

/**
 * `npm run contracts`: rewrites every generated document, removes generated files nothing produces any more,
 * and publishes the schema of each event version that has none yet. A published schema is never overwritten:
 * it is what the compatibility check holds later changes to.
 */
export function writeContractDocuments(root: string): { written: string[]; published: string[]; removed: string[] } {
  const { documents, schemas } = generateContractDocuments(root);
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const removed: string[] = [];
  for (const dir of new Set([...documents.keys()].map((path) => dirname(path)))) {
    if (dir === 'docs/contracts' || !existsSync(join(root, dir))) continue;
    for (const name of readdirSync(join(root, dir))) {
      if (!documents.has(`${dir}/${name}`)) {
        rmSync(join(root, dir, name));
        removed.push(`${dir}/${name}`);
      }
    }
  }
  for (const [path, content] of documents) write(path, content);
  const published = [...schemas].filter(([path]) => !existsSync(join(root, path)));
  for (const [path, schema] of published) write(path, schemaFile(schema));
  return { written: [...documents.keys()], published: published.map(([path]) => path), removed };
}
