import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The web app lives in web/; `npm run build:web` writes web/dist, which `rapport serve` serves.
export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bench reads it to measure the JavaScript a first visit loads.
    manifest: true,
    // Every browser the app supports knows modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development, beside `rapport serve --no-web`.
    proxy: { '/api': 'http://127.0.0.1:4747', '/calendar.ics': 'http://127.0.0.1:4747', '/auth': 'http://127.0.0.1:4747' },
  },
});
