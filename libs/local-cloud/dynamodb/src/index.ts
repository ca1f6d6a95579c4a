export { startDynamoDbLocal, type DynamoDbLocal, type DynamoDbLocalOptions } from './start-dynamodb-local';
export { createTables, type CreateTablesResult } from './create-tables';
export { dynamoDbPassthrough, type DynamoDbPassthroughOptions } from './passthrough/dynamodb-passthrough';
