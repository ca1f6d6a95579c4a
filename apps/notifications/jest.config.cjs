module.exports = {
  displayName: 'notifications',
  preset: '../../jest.preset.js',
  // One DynamoDB Local per run; each handler spec creates its own copy of the notifications table in it.
  ...require('../../libs/local-cloud/dynamodb/jest-dynamodb.cjs'),
};
