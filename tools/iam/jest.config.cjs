module.exports = {
  displayName: 'tools-iam',
  preset: '../../jest.preset.js',
};
