// Repro harness for issue 17 item 3 (RNN views on WebGPU): not part of the app or of npm test.
import { defineConfig } from 'vite';
export default defineConfig({ root: import.meta.dirname, base: './', logLevel: 'warn', build: { outDir: '/tmp/rnn-repro-dist', emptyOutDir: true, minify: false } });
