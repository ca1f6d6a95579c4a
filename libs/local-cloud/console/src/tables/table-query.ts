import type { AttributeValue, QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { InvalidConsoleRequest } from '../errors';
import { keyValue } from './key-value';
import type { KeyPair, TableSchema } from './table-schema';

/** DynamoDB's sort-key conditions (KeyConditionExpression), by the name the query string gives them. */
const SORT_KEY_OPERATORS = {
  eq: '=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
  begins_with: 'begins_with',
  between: 'BETWEEN',
} as const;

type SortKeyOperator = keyof typeof SORT_KEY_OPERATORS;

const isOperator = (value: string): value is SortKeyOperator => Object.hasOwn(SORT_KEY_OPERATORS, value);

/**
 * `GET /_local/tables/{name}/query?pk=…[&index=…][&skOp=…&sk=…[&sk2=…]]`: the Query input for a partition key and
 * an optional sort-key condition, on the table or one of its indexes. Values are typed from the table's attribute
 * definitions, so `pk=7` on a number key is `{ N: '7' }`.
 */
export function queryInput(
  table: string,
  schema: TableSchema,
  query: URLSearchParams,
): Pick<QueryCommandInput, 'TableName' | 'IndexName' | 'KeyConditionExpression'> &
  Required<Pick<QueryCommandInput, 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>> {
  const indexName = query.get('index') || undefined;
  let keys: KeyPair = schema.key;
  if (indexName !== undefined) {
    const index = schema.indexes[indexName];
    if (!index) {
      const known = Object.keys(schema.indexes);
      throw new InvalidConsoleRequest(
        `index ${indexName} is not an index of ${table} (its indexes: ${known.length ? known.join(', ') : 'none'})`,
      );
    }
    keys = index;
  }
  const partition = query.get('pk');
  if (partition === null || partition === '')
    throw new InvalidConsoleRequest(`pk is required: the value of ${keys.partitionKey}`);
  const type = (name: string) => schema.types[name] ?? 'S';
  const names: Record<string, string> = { '#pk': keys.partitionKey };
  const values: Record<string, AttributeValue> = {
    ':pk': keyValue(keys.partitionKey, type(keys.partitionKey), partition),
  };
  let condition = '#pk = :pk';
  const operator = query.get('skOp');
  if (operator !== null && operator !== '') {
    if (!isOperator(operator))
      throw new InvalidConsoleRequest(`skOp must be one of ${Object.keys(SORT_KEY_OPERATORS).join(', ')}`);
    if (!keys.sortKey) throw new InvalidConsoleRequest(`${indexName ?? table} has no sort key to put a condition on`);
    const sortType = type(keys.sortKey);
    if (operator === 'begins_with' && sortType === 'N')
      throw new InvalidConsoleRequest(`begins_with takes a string or binary sort key; ${keys.sortKey} is a number`);
    names['#sk'] = keys.sortKey;
    values[':sk'] = keyValue(keys.sortKey, sortType, query.get('sk'));
    if (operator === 'between') {
      values[':sk2'] = keyValue(keys.sortKey, sortType, query.get('sk2'));
      condition += ' AND #sk BETWEEN :sk AND :sk2';
    } else if (operator === 'begins_with') condition += ' AND begins_with(#sk, :sk)';
    else condition += ` AND #sk ${SORT_KEY_OPERATORS[operator]} :sk`;
  }
  return {
    TableName: table,
    ...(indexName === undefined ? {} : { IndexName: indexName }),
    KeyConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
