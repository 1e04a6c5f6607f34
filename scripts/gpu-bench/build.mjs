#!/usr/bin/env node
/**
 * Bundles bench.ts (tfjs, its WebGPU backend and the project's task classes from src/) into
 * node_modules/.bench/bench.cjs (inside node_modules, so that git, ESLint and Vitest skip it)
 * with the project's rolldown. CommonJS, because tfjs-core's Node platform calls require('util')
 * when it starts.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const git = (...args) => execFileSync('git', args, { cwd: path.join(HERE, '..', '..'), encoding: 'utf8' }).trim();
const ROOT = git('rev-parse', '--show-toplevel');
const changed = git('status', '--porcelain', '--', 'src').replaceAll(/^.. /gm, '').split('\n').filter(Boolean);
// Which source the bundle holds: the commit, and the bundled files under src/ that differed from it.
const buildInfo = (chunk) => ({
  builtAt: new Date().toISOString(),
  commit: git('rev-parse', '--short', 'HEAD'),
  uncommittedSrc: changed.filter((f) => chunk.moduleIds.includes(path.join(ROOT, f))),
});
await build({
  input: path.join(HERE, 'bench.ts'),
  platform: 'node',
  // tfjs-core's Node platform requires node-fetch only for tf.util.fetch, which the bench never calls.
  external: ['node-fetch'],
  logLevel: 'warn',
  output: {
    file: path.join(HERE, 'node_modules', '.bench', 'bench.cjs'),
    format: 'cjs',
    sourcemap: false,
    banner: (chunk) => `globalThis.__GPU_BENCH_BUILD__ = ${JSON.stringify(buildInfo(chunk))};`,
  },
});
console.log('wrote', path.relative(process.cwd(), path.join(HERE, 'node_modules', '.bench', 'bench.cjs')));
