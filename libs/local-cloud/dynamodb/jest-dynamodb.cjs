// Spread into a project's jest.config.cjs to give its tests one DynamoDB Local with every declared table:
//   ...require('<relative path>/libs/local-cloud/dynamodb/jest-dynamodb.cjs'),
// Tests then find it through AWS_ENDPOINT_URL_DYNAMODB, and HARBOR_ENV=test names the tables harbor-test-<key>.
const { join } = require('node:path');

module.exports = {
  globalSetup: join(__dirname, 'src/jest/global-setup.ts'),
  globalTeardown: join(__dirname, 'src/jest/global-teardown.ts'),
};
