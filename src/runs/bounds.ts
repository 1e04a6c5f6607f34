/**
 * How much a lab's run history may hold in the browser. Worst case per lab: MAX_RUNS runs ×
 * (RUN_SNAPSHOT_BYTES of weights + a few curves of MAX_CURVE_POINTS points) ≈ 100 MB for the
 * largest models, a few hundred KB for the small ones.
 */
/** Runs kept per lab; beyond this the oldest unpinned run is dropped. */
export const MAX_RUNS = 12;
/** Runs whose curves can be overlaid at once. */
export const MAX_PINNED = 4;
/** Weight snapshots kept per run (always the first and the last). */
export const MAX_SNAPSHOTS = 24;
/** Weight bytes kept per run: a big model keeps fewer snapshots (never fewer than 2, or none if one is too big). */
export const RUN_SNAPSHOT_BYTES = 8 * 1024 * 1024;
/** Points kept per curve (min–max decimated, so spikes survive). */
export const MAX_CURVE_POINTS = 400;
/** A run is written at most this often while training (and at once when it pauses or ends). */
export const SAVE_INTERVAL_MS = 3000;
