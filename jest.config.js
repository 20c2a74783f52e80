/** Unit and integration tests (TypeScript through swc); end-to-end browser tests run separately (npm run test:e2e). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/static/[^/]+/build/', '/e2e/', '/.local/'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@atlaskit)/)'],
  collectCoverageFrom: ['src/domain/**/*.ts', '!src/domain/**/*.test.ts', '!src/domain/testing/**'],
  coverageThreshold: { './src/domain/': { lines: 90 } },
  testTimeout: 30000,
};
