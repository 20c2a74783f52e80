/**
 * Jest runs two projects (TypeScript through swc): `unit` — the domain, use cases, adapters' pure
 * parts and UI logic, in seconds, without a local site — and `integration` — the local site and the
 * app running on it. `npm run test:unit` runs the first alone; `npm test` runs both, then the browser
 * end-to-end tests (npm run test:e2e).
 */
const shared = {
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/static/[^/]+/build/', '/e2e/', '/.local/'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@atlaskit)/)'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/src', '<rootDir>/static'] },
    { ...shared, displayName: 'integration', roots: ['<rootDir>/emulator', '<rootDir>/test-support', '<rootDir>/bench'] },
  ],
  collectCoverageFrom: ['src/domain/**/*.ts', '!src/domain/**/*.test.ts', '!src/domain/testing/**'],
  coverageThreshold: { './src/domain/': { lines: 90 } },
  testTimeout: 30000,
};
