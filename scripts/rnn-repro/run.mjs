// Repro driver (issue 17 item 3): node scripts/rnn-repro/run.mjs task SPEC_JSON STEPS [backends…] | ops BODY.txt [backends…] — serves /tmp/rnn-repro-dist,
/* global window, document -- these callbacks run in the page (page.evaluate / waitForFunction) */
// opens it in headless Chromium with WebGPU (SwiftShader) and compares the RNN view across backends.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { chromium } from '@playwright/test';

const ROOT = process.env.REPRO_DIST ?? '/tmp/rnn-repro-dist';
const PORT = 4331;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer(async (req, res) => {
  try {
    const p = join(ROOT, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\/$/, '/index.html'));
    const body = await readFile(p);
    res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(PORT, '127.0.0.1');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--enable-unsafe-webgpu', '--no-sandbox'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('[page]', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto(`http://127.0.0.1:${PORT}/${process.env.REPRO_QUERY ?? ''}`);
await page.waitForFunction(() => document.title === 'ready');

const mode = process.argv[2] ?? 'task';
const fmt = (a) => (Array.isArray(a) ? '[' + a.slice(0, 12).map((x) => (typeof x === 'number' ? x.toPrecision(4) : x)).join(', ') + (a.length > 12 ? ', …' : '') + `] (n=${a.length})` : a);
if (mode === 'task') {
  const spec = JSON.parse(process.argv[3] ?? '{}');
  const steps = Number(process.argv[4] ?? 3);
  for (const b of process.argv.slice(5).length ? process.argv.slice(5) : ['wasm', 'webgpu']) {
    const t0 = Date.now();
    const r = await page.evaluate(([b, s, n]) => window.repro.runTask(b, s, n), [b, spec, steps]);
    console.log(`== ${r.backend} (${Date.now() - t0} ms)`);
    for (const [k, v] of Object.entries(r)) {
      if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v)) console.log(`  ${k}.${k2}:`, fmt(v2));
      else console.log(`  ${k}:`, fmt(v));
    }
  }
} else if (mode === 'grads') {
  // One training step on each backend against the first: max |Δ| per weight's gradient and the loss.
  const spec = JSON.parse(process.argv[3] ?? '{}');
  const [ref, ...others] = process.argv.slice(4).length ? process.argv.slice(4) : ['cpu', 'webgpu'];
  const base = await page.evaluate(([b, s]) => window.repro.stepGrads(b, s), [ref, spec]);
  for (const b of others) {
    const r = await page.evaluate(([b, s]) => window.repro.stepGrads(b, s), [b, spec]);
    console.log(`== ${b} vs ${ref}`);
    for (const k of Object.keys(base)) {
      const d = Math.max(...base[k].map((v, i) => Math.abs(v - r[k][i])));
      const n = Math.max(...base[k].map(Math.abs));
      console.log(`  ${k}: max|Δ| ${d.toExponential(2)}  (max|${ref}| ${n.toExponential(2)}, max|${b}| ${Math.max(...r[k].map(Math.abs)).toExponential(2)})`);
    }
  }
} else if (mode === 'ops') {
  const body = await readFile(process.argv[3], 'utf8');
  for (const b of process.argv.slice(4).length ? process.argv.slice(4) : ['wasm', 'webgpu']) {
    const r = await page.evaluate(([b, body]) => window.repro.evalOps(b, body), [b, body]);
    console.log(`== ${b}`, JSON.stringify(r));
  }
}
await browser.close();
server.close();
