import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Where `pnpm dev` forwards API calls: the Warmpath server started with `pnpm --filter @warmpath/server dev`. */
const apiOrigin = process.env.WARMPATH_DEV_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  // The server serves this build at /portal/ (see apps/server static apps); the router reads the same base.
  base: '/portal/',
  // The router plugin must run before React's, so route files are transformed before JSX is.
  plugins: [tanstackRouter({ target: 'react', autoCodeSplitting: true }), react()],
  resolve: { conditions: ['@warmpath/source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    port: 5174,
    strictPort: true,
    proxy: {
      '/trpc': apiOrigin,
      '/api': apiOrigin,
      '^/r/': apiOrigin,
    },
  },
  preview: { port: 4174, strictPort: true },
});
