module.exports = {
  displayName: 'inventory-application',
  preset: '../../../jest.preset.js',
};
