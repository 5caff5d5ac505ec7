import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import { reactRefresh } from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layout rules (see README): shared code (components, lib, config, locales)
// -> features -> app. Shared code never imports features or app; a feature
// never imports app or another feature.
const upward = {
  group: ['@/app', '@/app/**', '**/app/**'],
  message: 'Only src/app may import from src/app.',
};
const anyFeature = {
  group: ['@/features', '@/features/**', '**/features/**'],
  message: 'Shared code (components, lib, config) must not import features.',
};
const features = readdirSync(new URL('./src/features', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default defineConfig([
  globalIgnores(['dist', 'coverage', 'node_modules', 'src/lib/api/schema']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.strictTypeChecked,
      tseslint.configs.stylisticTypeChecked,
      reactHooks.configs.flat.recommended,
      reactRefresh.configs.vite(),
    ],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/components/**', 'src/lib/**', 'src/config/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [upward, anyFeature] }],
    },
  },
  ...features.map((name) => ({
    files: [`src/features/${name}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            upward,
            {
              group: ['@/features/*', `!@/features/${name}`, `!@/features/${name}/**`],
              message: 'A feature must not import another feature; compose them in src/app.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
]);
