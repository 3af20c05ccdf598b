// ESLint with typescript-eslint's type-checked rules over everything TypeScript in the repository
// (part of `npm test`: zero findings).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
