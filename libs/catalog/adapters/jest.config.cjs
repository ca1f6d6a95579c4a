module.exports = {
  displayName: 'catalog-adapters',
  preset: '../../../jest.preset.js',
  // One DynamoDB Local per run with every declared table (harbor-test-catalog...): the access spec uses it.
  ...require('../../local-cloud/dynamodb/jest-dynamodb.cjs'),
};
