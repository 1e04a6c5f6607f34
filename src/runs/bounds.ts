/**
 * How much a lab's run history may hold in the browser: the weights of all its runs' snapshots
 * stay within LAB_SNAPSHOT_BYTES (older runs are thinned first; the run being recorded keeps up
 * to RUN_SNAPSHOT_BYTES), plus MAX_RUNS runs' curves of MAX_CURVE_POINTS points (a few hundred KB).
 */
/** Runs kept per lab; beyond this the oldest unpinned run is dropped. */
export const MAX_RUNS = 12;
/** Runs whose curves can be overlaid at once. */
export const MAX_PINNED = 4;
/** Weight snapshots kept per run (always the first and the last). */
export const MAX_SNAPSHOTS = 24;
/** Weight bytes kept per run: a big model keeps fewer snapshots (never fewer than 2, or none if one is too big). */
export const RUN_SNAPSHOT_BYTES = 32 * 1024 * 1024;
/**
 * Weight bytes kept per lab. Past it, the other runs, oldest first, keep only their first and last
 * snapshot, then only their last (what Export and Continue need), then none (curves only).
 */
export const LAB_SNAPSHOT_BYTES = 64 * 1024 * 1024;
/** Points kept per curve (min–max decimated, so spikes survive). */
export const MAX_CURVE_POINTS = 400;
/** A run is written at most this often while training (and at once when it pauses or ends). */
export const SAVE_INTERVAL_MS = 3000;
