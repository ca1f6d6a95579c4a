module.exports = {
  displayName: 'local-cloud-streams',
  preset: '../../../jest.preset.js',
  // One DynamoDB Local per run: the mapping tests read real streams from it.
  ...require('../../platform/dynamodb-local/jest-dynamodb.cjs'),
};
