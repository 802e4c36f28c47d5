import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

/**
 * Two builds into one dist/ (`npm run build` runs both, panel first):
 * - `--mode panel`: the chat panel as ES modules under dist/w/ with content-hashed
 *   names (one chunk per language), served immutable by the booking service;
 * - `--mode loader`: dist/widget.js, a classic IIFE (it is included with a plain
 *   <script async>), which learns the hashed panel name from the panel's manifest.
 */
export default defineConfig(({ mode }) => {
  const loader = mode === 'loader';
  const panelFile = () => {
    const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Record<string, { file: string; isEntry?: boolean }>;
    return Object.values(manifest).find((c) => c.isEntry)!.file;
  };
  return {
    // Classic h() calls: smaller than the automatic runtime's jsx(type, { children: [...] }).
    oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
    define: loader ? { __PANEL__: JSON.stringify(panelFile()) } : {},
    build: {
      outDir: 'dist',
      emptyOutDir: !loader,
      manifest: !loader,
      target: 'es2022',
      minify: !process.env.DEBUG_BUILD,
      modulePreload: false,
      cssMinify: 'lightningcss',
      cssCodeSplit: false,
      lib: loader
        ? { entry: 'src/main.ts', formats: ['iife'], name: 'FrontdeskLoader', fileName: () => 'widget.js' }
        : { entry: 'src/panel.tsx', formats: ['es'], fileName: () => 'w/panel-[hash].js' },
      rolldownOptions: {
        // @trpc/client's index re-exports every link; nothing in it runs on import.
        treeshake: { moduleSideEffects: (id: string) => !id.includes('@trpc') },
        output: {
          minify: !process.env.DEBUG_BUILD,
          // Lib mode keeps /* @__PURE__ */ annotations for downstream bundlers; nothing bundles us.
          comments: false,
          chunkFileNames: 'w/[name]-[hash].js',
        },
      },
    },
  };
});
