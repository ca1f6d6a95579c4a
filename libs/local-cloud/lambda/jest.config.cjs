module.exports = {
  displayName: 'local-cloud-lambda',
  preset: '../../../jest.preset.js',
};
