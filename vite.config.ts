/**
 * The web app's build: two entry pages, so a patient's phone never downloads the clinic's screens.
 * patient.html → learn, screening, before/after, diary, feedback; clinic.html → the staff app under /clinic.
 * Output goes to dist/web, which the server serves (src/http/web.ts).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const web = fileURLToPath(new URL('./src/web/', import.meta.url));

export default defineConfig(({ command }) => ({
  root: web,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // Browsers without <link rel=modulepreload> still load every chunk; they only lose the early fetch.
    // The polyfill would cost the patient bundle ~0.3 kB gzipped of its 80 kB budget.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { patient: `${web}patient.html`, clinic: `${web}clinic.html` },
    },
  },
  // A build is always the production build, whatever NODE_ENV the caller has (vitest sets 'test', which
  // would otherwise ship React's development build: 129 kB instead of 69 kB gzipped).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
}));
