/**
 * Where a perfect model would look: for each query position, the key positions that carry the
 * token it must output. Marked on the heatmaps so the learner can compare the pattern forming
 * with the one the task asks for.
 *
 * - reverse: key T−1−t (the anti-diagonal);
 * - copy with offset k: key (t − k) mod T (the diagonal shifted k places, wrapping round);
 * - sort: every key holding the t-th smallest token (content, not position, decides);
 * - masked: for a [MASK] query, its mirror T−1−t; other positions are not scored (none).
 */
import type { TokenTaskName } from '../../datasets/token-tasks';

export function idealKeys(task: TokenTaskName, tokens: ArrayLike<number>, opts: { offset?: number; maskToken?: number | null } = {}): number[][] {
  const T = tokens.length;
  const out: number[][] = [];
  const sorted = Array.from(tokens).sort((a, b) => a - b);
  for (let t = 0; t < T; t++) {
    switch (task) {
      case 'reverse':
        out.push([T - 1 - t]);
        break;
      case 'copy': {
        const k = opts.offset ?? 1;
        out.push([(((t - k) % T) + T) % T]);
        break;
      }
      case 'sort': {
        const want = sorted[t];
        const keys: number[] = [];
        for (let i = 0; i < T; i++) if (tokens[i] === want) keys.push(i);
        out.push(keys);
        break;
      }
      case 'masked':
        out.push(opts.maskToken != null && tokens[t] === opts.maskToken ? [T - 1 - t] : []);
        break;
    }
  }
  return out;
}
