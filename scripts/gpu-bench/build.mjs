#!/usr/bin/env node
/**
 * Bundles bench.ts (tfjs, its WebGPU backend and the project's task classes from src/) into
 * node_modules/.bench/bench.cjs (inside node_modules, so that git, ESLint and Vitest skip it)
 * with the project's rolldown. CommonJS, because tfjs-core's Node platform calls require('util')
 * when it starts.
 *
 *   node build.mjs                 # src/ as it is in the working tree
 *   node build.mjs --commit HEAD   # src/ as committed (a clean export), e.g. while others edit
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'rolldown';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
const { values: a } = parseArgs({ options: { commit: { type: 'string' } } });

let srcRoot = ROOT;
let commit = git('rev-parse', '--short', 'HEAD');
let changed = git('status', '--porcelain', '--', 'src').replaceAll(/^.. /gm, '').split('\n').filter(Boolean);
if (a.commit) {
  commit = git('rev-parse', '--short', a.commit);
  srcRoot = mkdtempSync(path.join(os.tmpdir(), 'gpu-bench-src-'));
  execFileSync('bash', ['-c', `git archive ${commit} src | tar -x -C "${srcRoot}"`], { cwd: ROOT });
  mkdirSync(path.join(srcRoot, 'scripts', 'gpu-bench'), { recursive: true });
  cpSync(path.join(HERE, 'bench.ts'), path.join(srcRoot, 'scripts', 'gpu-bench', 'bench.ts'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(srcRoot, 'node_modules'));
  changed = [];
}
// Which source the bundle holds: the commit, and the bundled files under src/ that differed from it.
const buildInfo = (chunk) => ({
  builtAt: new Date().toISOString(),
  commit,
  uncommittedSrc: changed.filter((f) => chunk.moduleIds.includes(path.join(srcRoot, f))),
});
const file = path.join(HERE, 'node_modules', '.bench', 'bench.cjs');
try {
  await build({
    input: path.join(srcRoot, 'scripts', 'gpu-bench', 'bench.ts'),
    platform: 'node',
    // tfjs-core's Node platform requires node-fetch only for tf.util.fetch, which the bench never calls.
    external: ['node-fetch'],
    logLevel: 'warn',
    output: {
      file,
      format: 'cjs',
      sourcemap: false,
      banner: (chunk) => `globalThis.__GPU_BENCH_BUILD__ = ${JSON.stringify(buildInfo(chunk))};`,
    },
  });
} finally {
  if (srcRoot !== ROOT) rmSync(srcRoot, { recursive: true, force: true });
}
console.log('wrote', path.relative(process.cwd(), file), `(src/ of ${commit}${a.commit ? ', committed' : ', working tree'})`);
