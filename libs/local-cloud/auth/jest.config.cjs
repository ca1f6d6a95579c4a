module.exports = {
  displayName: 'local-cloud-auth',
  preset: '../../../jest.preset.js',
};
