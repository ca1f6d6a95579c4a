module.exports = {
  displayName: 'platform-service-definitions',
  preset: '../../../jest.preset.js',
};
