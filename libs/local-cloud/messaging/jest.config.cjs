module.exports = {
  displayName: 'local-cloud-messaging',
  preset: '../../../jest.preset.js',
  // One DynamoDB Local per run: the stream mapping tests read real streams from it.
  ...require('../dynamodb/jest-dynamodb.cjs'),
};
