import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the injected seeded RNG.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The model is pure: no DOM, no map, no d3-selection, no clock (DESIGN.md, "Architecture").
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['maplibre-gl', 'd3', 'd3-selection', 'zustand', 'zustand/*'], message: 'src/sim stays pure.' },
            { group: ['../state/*', '../map/*', '../charts/*', '../ui/*', '../app/*', '../cli/*'], message: 'src/sim imports nothing above it.' },
            { group: ['node:*', 'fs', 'path'], message: 'No I/O in the model.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'requestAnimationFrame', 'performance', 'localStorage'],
    },
  },
);
