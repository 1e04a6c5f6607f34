/**
 * Build the app and serve it (dist/ or another folder) with `vite preview` as a child process for the
 * benchmark. The child runs in its own process group so stopping it also stops
 * the node process that npx starts underneath.
 */
import { spawn } from 'node:child_process';

/** Run a command to completion; its output is kept and shown only if it fails. */
export function run(cmd, args, { cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${out.slice(-4000)}`)),
    );
  });
}

/**
 * Start `vite preview` on host:port and wait until it answers HTTP 200.
 * Returns { url, stop }; stop() is idempotent and safe to call from signal handlers.
 */
export async function startPreview({ cwd, host = '127.0.0.1', port = 4174, outDir = 'dist', timeoutMs = 60_000 } = {}) {
  const url = `http://${host}:${port}/`;
  // Something already answering there would be measured instead of our build.
  if (await fetch(url).then(() => true, () => false)) throw new Error(`port ${port} is already in use (${url} answers)`);
  const args = ['vite', 'preview', '--host', host, '--port', String(port), '--strictPort', '--outDir', outDir];
  const child = spawn('npx', args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  let exited = null;
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  child.on('exit', (code, signal) => (exited = { code, signal }));

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGTERM'); // the whole group we created: npx and vite under it
    } catch {
      // Already gone.
    }
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`vite preview exited early (${JSON.stringify(exited)}):\n${log}`);
    try {
      const res = await fetch(url);
      if (res.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs / 1000} s:\n${log}`);
}
