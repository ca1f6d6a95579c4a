module.exports = {
  displayName: 'local-cloud-eventbridge',
  preset: '../../../jest.preset.js',
};
