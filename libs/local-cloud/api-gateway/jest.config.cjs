module.exports = {
  displayName: 'local-cloud-gateway',
  preset: '../../../jest.preset.js',
};
