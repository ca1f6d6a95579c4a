module.exports = {
  displayName: 'catalog-domain',
  preset: '../../../jest.preset.js',
};
