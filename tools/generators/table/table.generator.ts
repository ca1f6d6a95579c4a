import type { Tree } from '@nx/devkit';
import {
  addEntry,
  apiFile,
  declaredTableKeys,
  readDeclaration,
  requireService,
  writeDeclaration,
} from '../declarations';
import { ServiceGeneratorError } from '../service/service-generator.error';

export interface TableGeneratorSchema {
  readonly service: string;
  /** Table key, kebab case; the physical table is harbor-<env>-<name>. */
  readonly name: string;
  readonly description?: string;
  /** Partition key attribute (a string); default pk. */
  readonly hashKey?: string;
  /** Sort key attribute (a string); default sk, `none` for a table without one. */
  readonly rangeKey?: string;
}

const TABLE_KEY = /^[a-z][a-z0-9-]{2,62}$/;
const ATTRIBUTE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * `npx nx g @harbor/tools:table <service> <name>`: a DynamoDB table in the service's tables.yaml, which Terraform
 * deploys and the local cloud and handler tests create. A function gets access by listing it in functions.yaml.
 */
export async function tableGenerator(tree: Tree, options: TableGeneratorSchema): Promise<void> {
  requireService(tree, options.service);
  if (!TABLE_KEY.test(options.name))
    throw new ServiceGeneratorError(
      `table name "${options.name}" must be 3 to 63 lower-case letters, digits or dashes, starting with a letter`,
    );
  const owner = declaredTableKeys(tree).get(options.name);
  if (owner)
    throw new ServiceGeneratorError(
      `table "${options.name}" is already declared by ${apiFile(owner, 'tables.yaml')}: table names are unique across services`,
    );
  const hashKey = options.hashKey ?? 'pk';
  const rangeKey = options.rangeKey ?? 'sk';
  for (const attribute of [hashKey, rangeKey === 'none' ? 'none' : rangeKey]) {
    if (!ATTRIBUTE.test(attribute))
      throw new ServiceGeneratorError(`key attribute "${attribute}" must be letters, digits or _`);
  }
  if (hashKey === rangeKey) throw new ServiceGeneratorError('the partition and sort keys must be different attributes');

  const path = apiFile(options.service, 'tables.yaml');
  const document = readDeclaration(tree, path);
  addEntry(document, path, 'tables', options.name, {
    description: options.description ?? `The ${options.name} table of the ${options.service} service.`,
    hashKey: { name: hashKey, type: 'S' },
    ...(rangeKey === 'none' ? {} : { rangeKey: { name: rangeKey, type: 'S' } }),
  });
  // Key schemas read best on one line, as the hand-written tables do.
  for (const key of ['hashKey', 'rangeKey']) {
    const node = document.getIn(['tables', options.name, key], true) as { flow?: boolean } | undefined;
    if (node) node.flow = true;
  }
  writeDeclaration(tree, path, document);
}

export default tableGenerator;
