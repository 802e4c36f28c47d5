/**
 * One ESLint config for every workspace (each workspace's `npm run lint` is `eslint .`).
 * - typescript-eslint's recommended type-aware rules on all TypeScript;
 * - import boundaries of booking-service/src (STYLE.md "Folders depend one way"):
 *     api, http, pages, jobs → services → domain, ports; adapters implement ports;
 *   domain imports nothing impure; ports import nothing but domain types; nothing imports the
 *   demo-only folders (dev/, seed/) but the composition root, which loads them with import();
 * - only the booking store writes `bookings` (eslint/no-bookings-write.js).
 * Folder rules forbid every edge that would point back up, so the folder graph has no cycle.
 */
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import noBookingsWrite from './eslint/no-bookings-write.js';

const SRC = 'booking-service/src';
/** A relative import into one of src's top-level folders, from anywhere below src. */
const into = (...folders) => ({
  regex: `^\\.{1,2}/(\\.\\./)*(${folders.join('|')})/`,
  message: `this folder may not depend on ${folders.join(', ')}/ (folders depend one way: api/http/pages/jobs → services → domain/ports; adapters implement ports)`,
});
const fromTop = (...files) => ({
  regex: `^\\.{1,2}/(\\.\\./)*(${files.join('|')})\\.js$`,
  message: 'only the composition root (main.ts, app.ts) wires these',
});
const IMPURE_PACKAGES = ['express', '@trpc/*', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'ioredis', 'nodemailer', '@googleapis/*', 'google-auth-library', 'node:fs', 'node:fs/*', 'node:http', 'node:https', 'node:net', 'node:child_process', 'node:os', 'node:process'];
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/test-results/**', '**/playwright-report/**', '**/.turbo/**', 'booking-service/data/**'] },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The demo sites' page scripts run in the browser; so do the functions the widget's
    // benchmark hands to the browser (page.evaluate).
    files: ['demo-site/pages/**/*.js', 'widget/scripts/bench.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (a positional parameter, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Async functions without await here implement an async contract (a store, a transport, an
      // Express handler wrapped by an async guard): the Promise type is the interface, not a slip.
      '@typescript-eslint/require-await': 'off',
      // Preact ignores what an event handler returns; the async form handlers catch their own
      // failures and show them. Promises passed anywhere else must still be handled.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Input sanitation matches control characters on purpose: it rejects NUL, C0 and DEL in
    // visitor and owner input and strips them from e-mail headers.
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['**/*.test.{ts,tsx}', '**/test/**/*.ts', 'e2e/**/*.ts', 'booking-service/bench/**/*.ts'],
    rules: {
      // Tests read rows and responses as untyped JSON and assert on them; expect() checks the
      // shape, and fuzzers deliberately send values of the wrong type.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // ---- booking-service/src import boundaries -------------------------------------------
  {
    files: [`${SRC}/domain/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        into('services', 'adapters', 'api', 'jobs', 'http', 'pages', 'ports', 'dev', 'seed', 'cli'),
        fromTop('env', 'app', 'main'),
        { group: IMPURE_PACKAGES, message: 'domain/ is pure: no I/O, no framework; take data and time as inputs' },
      ),
    },
  },
  {
    files: [`${SRC}/ports/**/*.ts`],
    rules: {
      'no-restricted-imports': restrict(
        into('services', 'adapters', 'api', 'jobs', 'http', 'pages', 'dev', 'seed', 'cli'),
        fromTop('env', 'app', 'main'),
        { group: IMPURE_PACKAGES, message: 'ports/ are interfaces: they import nothing impure' },
      ),
    },
  },
  {
    files: [`${SRC}/adapters/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(into('services', 'api', 'jobs', 'http', 'pages', 'dev', 'seed', 'cli'), fromTop('app', 'main')) },
  },
  {
    files: [`${SRC}/services/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(into('api', 'jobs', 'http', 'pages', 'dev', 'seed', 'cli'), fromTop('env', 'app', 'main')) },
  },
  {
    files: [`${SRC}/jobs/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(into('api', 'http', 'pages', 'dev', 'seed', 'cli'), fromTop('env', 'app', 'main')) },
  },
  {
    files: [`${SRC}/api/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(into('jobs', 'http', 'pages', 'dev', 'seed', 'cli'), fromTop('env', 'app', 'main')) },
  },
  {
    files: [`${SRC}/http/**/*.ts`, `${SRC}/pages/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(into('jobs', 'dev', 'seed', 'cli'), fromTop('env', 'app', 'main')) },
  },

  // ---- only the booking store writes bookings ---------------------------------------------
  {
    files: [`${SRC}/**/*.ts`],
    ignores: ['**/*.test.ts', `${SRC}/services/booking-store/**`],
    plugins: { frontdesk: { rules: { 'no-bookings-write': noBookingsWrite } } },
    rules: { 'frontdesk/no-bookings-write': 'error' },
  },
);
