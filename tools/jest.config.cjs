module.exports = {
  displayName: 'tools',
  preset: '../jest.preset.js',
  // tools/iam is a project of its own (tools-iam).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/iam/'],
};
