/** Machine description and the plain-text table the benchmark prints. */
import os from 'node:os';

export function machineInfo(chromiumVersion) {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    chromium: chromiumVersion,
    loadAvgAtStart: os.loadavg().map((v) => Number(v.toFixed(2))),
  };
}

const num = (v) => (v === null || v === undefined ? '—' : String(v));

/** Rows → aligned text table. Unavailable backends get one line with the reason. */
export function formatTable(rows) {
  const head = ['scenario', 'backend', 'adapter', 'first step ms', 'steps/s', 'examples/s', 'long tasks (n / worst ms)', 'fps', 'tensor growth'];
  const cells = rows.map((r) =>
    r.available
      ? [
          r.scenario,
          r.backend,
          r.adapter,
          num(r.timeToFirstStepMs),
          num(r.stepsPerSec),
          num(r.examplesPerSec),
          `${r.longTasks.count} / ${r.longTasks.worstMs}`,
          num(r.fps),
          `${r.tensors.growth >= 0 ? '+' : ''}${r.tensors.growth}`,
        ]
      : [r.scenario, r.backend, r.failed ? r.reason : `not available: ${r.reason}${r.usedInstead ? ` (engine used ${r.usedInstead})` : ''}`],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...cells.filter((c) => c.length > 3).map((c) => String(c[i] ?? '').length)));
  const line = (c) =>
    c.length > 3
      ? c.map((v, i) => (i < 3 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ')
      : `${String(c[0]).padEnd(widths[0])}  ${String(c[1]).padEnd(widths[1])}  ${c[2]}`;
  const chosen = rows
    .filter((r) => r.available && r.candidates)
    .map((r) => `${r.scenario} (auto → ${r.adapter}${r.epochsPerSec ? `, ${r.epochsPerSec} epochs/s` : ''}): ${r.candidates.map((c) => `${c.executor} ${c.stepsPerSec} steps/s, ${c.verdict}`).join('; ')}`);
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line), '', ...chosen].join('\n');
}

export function formatSoakLine(r) {
  const mib = (b) =>
    b === null || b === undefined ? '—' : b < 2 ** 20 ? `${(b / 1024).toFixed(1)} KiB` : `${(b / 2 ** 20).toFixed(1)} MiB`;
  return [
    `min ${r.minute.toFixed(2).padStart(6)}`,
    `step ${String(r.step).padStart(8)}`,
    `steps/s ${num(r.stepsPerSec).padStart(7)}`,
    `tensors ${String(r.numTensors).padStart(5)}`,
    `GPU ${mib(r.numBytesInGPU)}`,
    `page heap ${mib(r.pageHeapBytes)}`,
    `workers heap ${mib(r.workerHeapBytes)}`,
    `chart points ${r.chartPoints}`,
  ].join('  ');
}
