module.exports = {
  displayName: 'inventory-domain',
  preset: '../../../jest.preset.js',
};
