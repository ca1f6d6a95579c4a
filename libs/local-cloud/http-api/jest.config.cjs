module.exports = {
  displayName: 'local-cloud-http-api',
  preset: '../../../jest.preset.js',
};
