module.exports = {
  displayName: 'orders',
  preset: '../../jest.preset.js',
  // One DynamoDB Local per run; each handler spec creates its own copy of the orders tables in it.
  ...require('../../libs/local-cloud/dynamodb/jest-dynamodb.cjs'),
};
