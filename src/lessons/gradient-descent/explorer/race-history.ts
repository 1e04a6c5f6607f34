import { PathBuffer } from '../../../charts/path-buffer';
import { SeriesBuffer } from '../../../charts/series-buffer';
import type { RaceOptimizerName } from '../../../ml/train/optimizer-names';
import type { SurfaceRaceView } from '../../../ml/tasks/surface-race';

/**
 * Each racer's full path over the surface and its loss per step, rebuilt from
 * the trails the worker sends (every step, however many ran between messages).
 */
export class RaceHistory {
  readonly paths = new Map<RaceOptimizerName, PathBuffer>();
  readonly losses = new Map<RaceOptimizerName, SeriesBuffer>();
  version = 0;

  /** Start over from the race's first view (after init or reset). */
  reset(view: SurfaceRaceView): void {
    this.paths.clear();
    this.losses.clear();
    for (const r of view.racers) {
      const p = new PathBuffer();
      p.push(view.start.x, view.start.y);
      this.paths.set(r.id, p);
      this.losses.set(r.id, new SeriesBuffer(50_000));
    }
    this.ingest(view);
  }

  ingest(view: SurfaceRaceView): void {
    const { trail } = view;
    const ids = view.racers.map((r) => r.id);
    for (let t = 0; t < trail.steps; t++) {
      for (let k = 0; k < trail.racers; k++) {
        const id = ids[k];
        if (!id) continue;
        const o = (t * trail.racers + k) * 3;
        const loss = trail.data[o + 2]!;
        // A stopped racer reports +∞ and has not moved: nothing to add.
        if (!Number.isFinite(loss)) continue;
        this.paths.get(id)?.push(trail.data[o]!, trail.data[o + 1]!);
        this.losses.get(id)?.push(trail.firstStep + t, loss);
      }
    }
    this.version++;
  }
}
