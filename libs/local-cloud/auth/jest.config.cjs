// jose ships ES modules only: let the preset's swc transform compile it for Jest's CommonJS runtime.
module.exports = {
  displayName: 'local-cloud-auth',
  preset: '../../../jest.preset.js',
  transformIgnorePatterns: ['/node_modules/(?!(@middy|jose)/)'],
};
