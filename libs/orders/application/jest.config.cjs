module.exports = {
  displayName: 'orders-application',
  preset: '../../../jest.preset.js',
};
