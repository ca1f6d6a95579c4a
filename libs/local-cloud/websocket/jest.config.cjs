module.exports = {
  displayName: 'local-cloud-websocket',
  preset: '../../../jest.preset.js',
};
