module.exports = {
  displayName: 'local-cloud-api-gateway',
  preset: '../../../jest.preset.js',
};
