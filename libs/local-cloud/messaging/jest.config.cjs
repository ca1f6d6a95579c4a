module.exports = {
  displayName: 'local-cloud-messaging',
  preset: '../../../jest.preset.js',
  // One DynamoDB Local per run: the stream mapping tests read real streams from it.
  ...require('../../platform/dynamodb-local/jest-dynamodb.cjs'),
};
