module.exports = {
  displayName: 'notifications-domain',
  preset: '../../../jest.preset.js',
};
