/**
 * The console's build: React through esbuild's automatic JSX (no Babel plugin), into dist/console,
 * which the API serves at `/`. Routes load lazily, and ECharts is imported piece by piece, so the
 * first page downloads only what it shows.
 */
import * as path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: path.resolve(__dirname, '../../dist/console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; a browser bundle ignores that.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '^/(proposals|tasks|supervision|alerts|session|imports|batches|calendar|openapi.json|readyz)': 'http://127.0.0.1:3000' } },
});
