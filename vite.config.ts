import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

/** The page background of src/styles.css (light, dark): the header sits on it, so the browser's bar matches. */
const THEME_LIGHT = '#fbfaf7';
const THEME_DARK = '#14171c';

/** Adds the Content-Security-Policy meta tag to the built index.html only. */
function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/** The browser-chrome colour, per colour scheme (the web app manifest can hold only one). */
function themeColorMeta(): Plugin {
  return {
    name: 'theme-color-meta',
    transformIndexHtml: () =>
      [
        [THEME_LIGHT, '(prefers-color-scheme: light)'],
        [THEME_DARK, '(prefers-color-scheme: dark)'],
      ].map(([content, media]) => ({ tag: 'meta', attrs: { name: 'theme-color', content, media }, injectTo: 'head' as const })),
  };
}

/**
 * Offline support: a Workbox service worker (generated at build time into sw.js) precaches the
 * whole built site, so after one visit every lesson works with no network, MNIST included.
 * src/app/pwa.ts registers it (production builds only).
 */
function offline() {
  return VitePWA({
    strategies: 'generateSW',
    // A new deployment waits until the learner reloads (a button offers it): an automatic reload
    // would cut off a training run.
    registerType: 'prompt',
    injectRegister: false,
    // The icon is favicon.svg, already in globPatterns below.
    includeManifestIcons: false,
    manifest: {
      name: 'Deep-learning playground',
      short_name: 'DL playground',
      description: 'Train real neural networks live in your browser: gradient descent, backpropagation, CNNs, RNNs and attention.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: THEME_LIGHT,
      theme_color: THEME_LIGHT,
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      // Everything the app loads: the app and worker chunks, styles, the tfjs WASM binaries,
      // KaTeX's fonts, icons and the MNIST pack (public/data/mnist-10k.bin, 7.85 MB).
      globPatterns: ['**/*.{js,css,html,wasm,woff2,woff,ttf,png,svg,ico,bin}'],
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      // Hash routes: every navigation is to index.html.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // On the first visit the worker controls the open page without a reload (nothing to wait
      // for); an update waits in 'waiting' until the page asks for it (updateSW in src/app/pwa.ts).
      skipWaiting: false,
      clientsClaim: true,
    },
  });
}

// Relative base: the built site works from any sub-path of any static host.
export default defineConfig({
  base: './',
  plugins: [react(), cspMeta(), themeColorMeta(), offline()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
  // Pre-bundle what the worker imports, so the dev server does not discover it late and
  // reload the page (which would kill a training worker mid-run).
  optimizeDeps: {
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu', '@tensorflow/tfjs-backend-wasm', 'comlink', 'katex'],
  },
});
