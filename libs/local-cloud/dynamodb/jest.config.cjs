module.exports = {
  displayName: 'local-cloud-dynamodb',
  preset: '../../../jest.preset.js',
};
