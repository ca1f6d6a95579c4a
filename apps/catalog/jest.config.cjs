module.exports = {
  displayName: 'catalog',
  preset: '../../jest.preset.js',
  // One DynamoDB Local per run; each handler spec creates its own copy of the catalog table in it.
  ...require('../../libs/platform/dynamodb-local/jest-dynamodb.cjs'),
};
