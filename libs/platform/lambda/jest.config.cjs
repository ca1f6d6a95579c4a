module.exports = {
  displayName: 'platform-lambda',
  preset: '../../../jest.preset.js',
  // One DynamoDB Local per run, for the idempotency tests.
  ...require('../../local-cloud/dynamodb/jest-dynamodb.cjs'),
};
