module.exports = {
  displayName: 'local-cloud-matcher',
  preset: '../../../jest.preset.js',
};
