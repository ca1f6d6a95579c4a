module.exports = {
  displayName: 'local-cloud-delivery',
  preset: '../../../jest.preset.js',
};
