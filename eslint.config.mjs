// The dependency rule (domain ← app ← forge | emulator; static/* → src/contracts only) lives here,
// so breaking it fails `npm test` instead of relying on review.
import tseslint from 'typescript-eslint';

const forgePackages = { group: ['@forge/*'], message: 'Only src/forge may import @forge/* (dependency rule).' };
const forgeLayer = { group: ['**/forge', '**/forge/**'], message: 'src/forge is the outermost layer: inner layers must not import it.' };
const appLayer = { group: ['**/app', '**/app/**'], message: 'src/domain is pure: it must not import use cases.' };
const emulator = { group: ['**/emulator', '**/emulator/**'], message: 'The app must not depend on the local site.' };
const backendFromUi = {
  group: ['**/src/domain', '**/src/domain/**', '**/src/app', '**/src/app/**', '**/src/forge', '**/src/forge/**', '**/src/index'],
  message: 'static/* may import only src/contracts from the backend.',
};
// The domain has no door of its own: every layer imports the module that declares what it needs, so a
// reader follows one import to the code and no barrel decides what is public.
const barrels = {
  // '../domain', '../domain/on-call/index', './index', '.', '..': a folder or an index module.
  regex: '(^|/)(domain|index)$|^\\.{1,2}$',
  message: 'Import the module that declares it (e.g. ../domain/severity): the app has no barrel files.',
};
const serverForgePackages = {
  group: ['@forge/api', '@forge/kvs', '@forge/resolver', '@forge/events'],
  message: 'Custom UI runs in the browser: use @forge/bridge.',
};

export const layerRules = [
  { files: ['src/domain/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [forgePackages, forgeLayer, appLayer, emulator, barrels] }] } },
  { files: ['src/app/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [forgePackages, forgeLayer, emulator, barrels] }] } },
  { files: ['src/contracts/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [forgePackages, forgeLayer, appLayer, emulator, barrels] }] } },
  { files: ['src/forge/**/*.{ts,tsx}', 'src/index.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [emulator, barrels] }] } },
  { files: ['static/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [backendFromUi, serverForgePackages, emulator] }] } },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'static/*/build/**', 'coverage/**', 'artifacts/**', '.local/**', 'eslint-fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error, and an async handler where a void one is
    // expected (onClick, setInterval) hides its rejection from the caller.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  ...layerRules,
);
