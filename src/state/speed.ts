/**
 * The steps-per-second setting every training lab shares: a log-scale URL key from slow motion
 * (1 step a second) to SPEED_MAX, which means "as fast as the engine goes" (no cap at all).
 */
import type { NumberParam } from './schema';

export const SPEED_MIN = 1;
/** The top of the slider: no cap. */
export const SPEED_MAX = 1000;

/** A lab's steps-per-second URL key, with its default (SPEED_MAX: as fast as possible). */
export function speedParam(defaultSps: number = SPEED_MAX) {
  return { kind: 'number', min: SPEED_MIN, max: SPEED_MAX, default: defaultSps, log: true } as const satisfies NumberParam;
}

/** The engine's cap for a setting: Infinity at the top of the range. */
export function stepsPerSecCap(sps: number): number {
  return sps >= SPEED_MAX ? Infinity : Math.max(SPEED_MIN, sps);
}

/** The stops of the speed slider (1-2-3-5 per decade), the last one being "max". */
export const SPEED_LADDER = [1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, SPEED_MAX] as const;

/** The slider position of a speed: its stop, or the nearest one in log terms for a value between stops. */
export function speedPosition(sps: number): number {
  const v = Math.log(Math.min(SPEED_MAX, Math.max(SPEED_MIN, sps)));
  let best = 0;
  SPEED_LADDER.forEach((s, i) => {
    if (Math.abs(Math.log(s) - v) < Math.abs(Math.log(SPEED_LADDER[best]!) - v)) best = i;
  });
  return best;
}

/** The speed at a slider position (clamped to the stops). */
export function speedFromPosition(p: number): number {
  const i = Math.min(SPEED_LADDER.length - 1, Math.max(0, Math.round(p)));
  return SPEED_LADDER[i]!;
}
