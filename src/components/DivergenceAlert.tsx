import type { Divergence } from '../ml/train/divergence';
import { fmt, fmtInt } from '../format';

interface Props {
  divergence: Divergence;
  learningRate: number;
  onUseSuggestion: (lr: number, reset: boolean) => void;
}

/** Says why a run stopped and offers a one-click way on. Never shows the bad number itself. */
export function DivergenceAlert({ divergence, learningRate, onUseSuggestion }: Props) {
  const s = divergence.suggestedLearningRate;
  return (
    <div className="alert" role="alert">
      <strong>Training diverged at step {fmtInt(divergence.step)} and was paused.</strong>{' '}
      {divergence.reason === 'exploding'
        ? 'The loss grew by more than a million times.'
        : 'The loss grew too large to represent as a number.'}{' '}
      The learning rate α = {fmt(learningRate)} is too large for this problem: each step jumps past the minimum and lands
      higher up the other side, so the steps grow instead of shrinking. The weights were put back to their last good
      values. Try α = {fmt(s)}.
      <div className="alert-actions">
        <button type="button" onClick={() => onUseSuggestion(s, false)}>
          Continue with α = {fmt(s)}
        </button>
        <button type="button" onClick={() => onUseSuggestion(s, true)}>
          Reset with α = {fmt(s)}
        </button>
      </div>
    </div>
  );
}
