module.exports = {
  displayName: 'local-cloud-trace',
  preset: '../../../jest.preset.js',
};
