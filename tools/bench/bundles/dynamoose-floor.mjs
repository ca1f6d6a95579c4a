// The floor a function that uses Dynamoose cannot go below: Dynamoose and the DynamoDB client it loads, nothing
// else. The bench builds it with the functions' own esbuild options (tools/build/lambda-bundle-options.mjs).
export * as dynamoose from 'dynamoose';
