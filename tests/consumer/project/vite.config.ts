import { defineConfig } from 'vite';

export default defineConfig({
  root: 'page',
  logLevel: 'warn',
  build: { outDir: '../dist-page', emptyOutDir: true },
});
