module.exports = {
  displayName: 'notifications-application',
  preset: '../../../jest.preset.js',
};
