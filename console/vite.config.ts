import { defineConfig } from 'vite';

/**
 * The staff console: a single page served by the booking service at /console (index.html is
 * never cached; everything under /console/assets/ has a content hash and is cached for a year).
 * The service's CSP allows scripts and styles from its own origin only, so nothing is inlined.
 */
export default defineConfig({
  base: '/console/',
  // Preact's automatic JSX runtime (jsxImportSource in tsconfig.json says the same to tsc).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // A module preload polyfill would be an inline script, which the CSP refuses.
    modulePreload: { polyfill: false },
    // Inline data: URIs for small assets would need img-src data: (allowed) but fonts/scripts not; keep files.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: {
    // `npx vite` during development: the API comes from a local booking service.
    proxy: { '/console/trpc': 'http://localhost:3000' },
  },
});
