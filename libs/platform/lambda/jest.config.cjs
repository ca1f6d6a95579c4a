module.exports = {
  displayName: 'platform-lambda',
  preset: '../../../jest.preset.js',
  // One DynamoDB Local per run, for the idempotency tests.
  ...require('../dynamodb-local/jest-dynamodb.cjs'),
};
