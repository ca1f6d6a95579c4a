module.exports = {
  displayName: 'platform-lambda',
  preset: '../../../jest.preset.js',
};
