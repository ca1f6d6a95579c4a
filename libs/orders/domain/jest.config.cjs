module.exports = {
  displayName: 'orders-domain',
  preset: '../../../jest.preset.js',
};
