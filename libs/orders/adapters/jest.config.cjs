module.exports = {
  displayName: 'orders-adapters',
  preset: '../../../jest.preset.js',
};
