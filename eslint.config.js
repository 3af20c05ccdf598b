// ESLint with typescript-eslint's type-checked rules over everything TypeScript in the repository
// (part of `npm test`: zero findings), and the layer walls of the code (README, Architecture).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// ---------- the layer walls ----------
// Paths are matched as written in the import (relative): `../…/src/x` leaves static/ or uikit/ for
// the backend's src/. Tests, the benchmark and the local runtime (test/, bench/, dev/) may import
// anything; the walls are for what ships. test/static/lint-walls.test.ts proves each one fails lint.
const backendInternals = {
  regex: '^(\\.\\./)+src/(?!shared/)',
  message: 'A UI imports only src/shared/ of the backend: move what it needs there (zod-free), or ask the backend for it.',
};
const noZod = {
  group: ['zod', 'zod/*'],
  allowTypeImports: true,
  message: 'No zod in a UI bundle or in the zod-free shared modules: import its types with `import type`.',
};
const zodTable = {
  regex: '^(\\.\\./)+src/shared/(functions|payloads)$',
  allowTypeImports: true,
  message: 'The function table holds zod schemas: a UI imports it type-only (`import type`); its runtime facts are in src/shared/calls.ts.',
};
const customUi = {
  regex: '(^|/)static/',
  message: 'The UI Kit module does not import the Custom UI (static/): what both UIs use lives in src/shared/.',
};
const localRuntime = {
  regex: '^(\\.\\./)+dev/',
  message: 'What ships (src/) never imports the local runtime or the simulator (dev/).',
};
/** src/shared/ besides the function table: zod-free, and nothing of the backend at run time (types only). */
const sharedReachesBackend = (up) => ({
  regex: `^${'\\.\\./'.repeat(up)}`,
  allowTypeImports: true,
  message: 'src/shared/ is what the UIs share: it may import backend types (`import type`), never backend code.',
});
const walls = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'static/dist/', '.forge/', 'test-results/', '.data/'] },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `const { token: _token, ...rest } = saved` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  { files: ['src/**/*.ts'], rules: walls(localRuntime) },
  { files: ['src/shared/*.ts'], ignores: ['src/shared/functions.ts', 'src/shared/payloads.ts'], rules: walls(localRuntime, noZod, sharedReachesBackend(1)) },
  { files: ['src/shared/*/**/*.ts'], rules: walls(localRuntime, noZod, sharedReachesBackend(2)) },
  { files: ['static/src/**/*.{ts,tsx}'], rules: walls(backendInternals, noZod, zodTable) },
  { files: ['uikit/src/**/*.{ts,tsx}'], rules: walls(backendInternals, noZod, zodTable, customUi) },
  {
    files: ['test/**/*.{ts,tsx}', 'uikit/test/**/*.{ts,tsx}'],
    rules: {
      // Tests read JSON answers and use vitest's asymmetric matchers (expect.any …), which are `any` by
      // design; a wrong shape fails the assertion itself. Mocks are `async` to say they return a promise.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Forge's runtime wrapper stand-in: plain CommonJS run by Node, copied into the bundle as is.
    files: ['dev/forge/runtime/dist/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', exports: 'writable', process: 'readonly', console: 'writable', globalThis: 'readonly', __dirname: 'readonly', Headers: 'readonly', URL: 'readonly' } },
  },
);
