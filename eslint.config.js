import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers import only downward: data → sim → state → map/charts → ui → app; cli uses sim and data. */
const LAYERS = ['data', 'sim', 'state', 'map', 'charts', 'ui', 'app', 'cli'];
const above = (...layers) => layers.flatMap((layer) => [`../${layer}/*`, `../${layer}`]);
/** One fence per layer: the relative imports it may not make, and why. */
const fences = {
  data: { banned: above('state', 'map', 'charts', 'ui', 'app', 'cli'), message: 'src/data may use src/sim only.' },
  sim: { banned: above('data', 'state', 'map', 'charts', 'ui', 'app', 'cli'), message: 'src/sim imports nothing above it.' },
  state: { banned: above('map', 'charts', 'ui', 'app', 'cli'), message: 'src/state may use src/sim and src/data only.' },
  map: { banned: above('ui', 'app', 'cli'), message: 'src/map may not reach up into ui, app or cli.' },
  charts: { banned: above('ui', 'app', 'cli'), message: 'src/charts may not reach up into ui, app or cli.' },
  ui: { banned: above('app', 'cli'), message: 'src/ui may not reach up into app or cli.' },
  app: { banned: above('cli'), message: 'src/app does not use the CLI.' },
  cli: { banned: above('state', 'map', 'charts', 'ui', 'app'), message: 'src/cli uses src/sim and src/data only.' },
};
/** Packages a layer may not import at all. */
const bannedPackages = {
  sim: [
    { group: ['maplibre-gl', 'd3', 'd3-selection', 'zustand', 'zustand/*', 'comlink', 'idb'], message: 'src/sim stays pure.' },
    { group: ['node:*', 'fs', 'path'], message: 'No I/O in the model.' },
  ],
  state: [{ group: ['maplibre-gl', 'maplibre-gl/*', 'd3', 'd3-*'], message: 'src/state holds inputs and UI state; drawing is for map and charts.' }],
  cli: [{ group: ['maplibre-gl', 'd3', 'zustand', 'zustand/*'], message: 'The CLI runs the model, not the app.' }],
};

// The one animation loop (src/app/loop.ts) owns the frame clock; everything else is handed `t`.
const frameClockGlobals = [
  { name: 'requestAnimationFrame', message: 'Only src/app/loop.ts requests frames: call loop.requestFrame() or loop.onNextFrame().' },
  { name: 'cancelAnimationFrame', message: 'Only src/app/loop.ts requests frames.' },
  { name: 'performance', message: 'Only src/app/loop.ts reads the wall clock: use now() from src/app/loop.ts.' },
];
// …also when reached through `window` or `self`.
const frameClockProperties = ['window', 'self', 'globalThis'].flatMap((object) =>
  frameClockGlobals.map(({ name, message }) => ({ object, property: name, message })),
);
const noMathRandom = { object: 'Math', property: 'random', message: 'Use the injected seeded RNG.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-properties': ['error', noMathRandom],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // Type-checked rules on TypeScript: above all no-floating-promises and no-misused-promises, so a
  // rejected promise is never dropped on the floor.
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // With noUncheckedIndexedAccess, `xs[i]!` after a bounds check is the idiom, not a smell.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  ...LAYERS.map((layer) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: fences[layer].banned, message: fences[layer].message }, ...(bannedPackages[layer] ?? [])] }],
    },
  })),
  {
    files: ['src/**/*.ts'],
    ignores: ['src/app/loop.ts'],
    rules: { 'no-restricted-globals': ['error', ...frameClockGlobals], 'no-restricted-properties': ['error', noMathRandom, ...frameClockProperties] },
  },
  {
    // The model is pure: no DOM, no clock, no storage (DESIGN.md, "Architecture").
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...frameClockGlobals, 'window', 'document', 'localStorage', 'navigator', 'setTimeout', 'setInterval'],
      'no-restricted-properties': [
        'error',
        noMathRandom,
        ...frameClockProperties,
        { object: 'Date', property: 'now', message: 'The model has no clock: time is tHours since the scenario start.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The model has no clock: new Date() reads it.' }],
    },
  },
);
