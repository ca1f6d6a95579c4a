module.exports = {
  displayName: 'local-cloud-console',
  preset: '../../../jest.preset.js',
};
