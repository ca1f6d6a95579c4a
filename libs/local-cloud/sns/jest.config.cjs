module.exports = {
  displayName: 'local-cloud-sns',
  preset: '../../../jest.preset.js',
};
