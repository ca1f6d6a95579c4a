module.exports = {
  displayName: 'platform-dynamodb-local',
  preset: '../../../jest.preset.js',
};
