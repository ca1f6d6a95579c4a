module.exports = {
  displayName: 'inventory-adapters',
  preset: '../../../jest.preset.js',
  // One DynamoDB Local per run with every declared table (harbor-test-inventory...): the repository tests use it.
  ...require('../../local-cloud/dynamodb/jest-dynamodb.cjs'),
};
