module.exports = {
  displayName: 'local-cloud',
  preset: '../../jest.preset.js',
  // The end-to-end suite starts DynamoDB Local and the whole local cloud once.
  testTimeout: 30_000,
};
