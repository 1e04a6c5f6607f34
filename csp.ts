/**
 * The Content-Security-Policy of the built site, added as a <meta> tag at build
 * time (the dev server injects inline scripts for hot reload, so it gets none).
 * Hosts that can set headers should send the same policy as a header and add
 * `frame-ancestors` there (a meta tag cannot carry it).
 *
 * - scripts, workers: only the app's own files; 'wasm-unsafe-eval' lets the WASM
 *   backend compile its .wasm (it allows WebAssembly only, not JavaScript eval);
 * - styles: 'unsafe-inline' because KaTeX's HTML carries inline style attributes;
 * - images: data:/blob: for canvas exports; fonts: KaTeX's, shipped in the build
 *   (Vite inlines the smallest as data: URIs);
 * - connect: 'self' (the MNIST pack and the .wasm files are fetched from the site);
 * - the offline service worker (sw.js and its workbox-*.js, both the site's own files)
 *   registers under worker-src 'self'; the policy of this page does not apply inside the
 *   service worker, which gets its own from its response headers (none by default);
 * - manifest: the web app manifest (manifest.webmanifest) is the site's own file;
 *   manifest-src says so explicitly rather than leaning on default-src.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
