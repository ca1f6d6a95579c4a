// `npm run test:reliability`: suites that prove the system's promises against the real `npm start` program.
// Not named jest.config.*, so the @nx/jest plugin infers no `test` target from it: `npm test` stays fast.
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'reliability',
  rootDir: __dirname,
  testMatch: ['**/*.reliability.ts'],
  // Each suite starts its own local cloud and drives it hard; a generous ceiling, each suite aims for under 90 s.
  testTimeout: 180_000,
  reporters: ['default', '<rootDir>/support/figures-reporter.cjs'],
};
