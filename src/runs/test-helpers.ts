/** Run records for the runs tests. */
import type { RunMeta } from './run-record';

export function meta(p: Partial<RunMeta> = {}): RunMeta {
  return {
    v: 1,
    lab: 'mlp',
    kind: 'mlp',
    id: 'r1',
    n: 1,
    name: null,
    created: 1000,
    updated: 1000,
    settings: { lr: 0.03, batch: 10 },
    mixed: false,
    curves: { train: [[0, 1], [10, 0.5]] },
    firstStep: 0,
    lastStep: 10,
    snapshotSteps: [],
    parent: null,
    pinned: false,
    imported: false,
    ...p,
  };
}
