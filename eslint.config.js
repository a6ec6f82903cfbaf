// ESLint for the JavaScript beside the Rust: the element (www/), its unit tests (tests/js/), the
// browser tests (tests/e2e/, tests/engines/, tests/bundlers/) and the browser benchmark
// (benches/browser/). `make lint-js`.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['node_modules/', 'target/', 'www/pkg/', 'www/data/', 'www/dist/'] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
  },
  {
    // Runs in the page.
    files: [
      'www/**/*.js',
      'benches/browser/**/*.js',
      'tests/e2e/pages/**/*.js',
      'tests/engines/probe.js',
      'tests/bundlers/*/src/**/*.js',
      'tests/bundlers/*/*.js',
    ],
    languageOptions: { globals: globals.browser },
  },
  {
    // Runs in node.
    files: ['**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Node scripts that drive a browser: the callbacks of page.evaluate() and friends run in the page.
    files: ['tests/e2e/**/*.mjs', 'tests/engines/**/*.mjs', 'tests/bundlers/**/*.mjs', 'benches/browser/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
