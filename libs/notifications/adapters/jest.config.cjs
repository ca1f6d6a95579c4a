module.exports = {
  displayName: 'notifications-adapters',
  preset: '../../../jest.preset.js',
  // One DynamoDB Local per run with every declared table (harbor-test-notifications...): the repository tests use it.
  ...require('../../local-cloud/dynamodb/jest-dynamodb.cjs'),
};
