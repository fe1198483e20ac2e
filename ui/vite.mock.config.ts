// Bundles the mocked backend for the Chromium tests into one script for addInitScript.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'tests/browser/.build',
    emptyOutDir: true,
    lib: { entry: 'tests/browser/mock-backend.ts', formats: ['iife'], name: 'dossierMock', fileName: () => 'mock-backend.js' },
  },
});
