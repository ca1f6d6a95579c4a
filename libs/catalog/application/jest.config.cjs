module.exports = {
  displayName: 'catalog-application',
  preset: '../../../jest.preset.js',
};
