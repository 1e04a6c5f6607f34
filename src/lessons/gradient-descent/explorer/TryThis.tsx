/** One-click experiments: each sets the explorer's URL keys and says what to look for. */
export interface Experiment {
  title: string;
  look: string;
  params: Record<string, string>;
}

export const EXPERIMENTS: readonly Experiment[] = [
  {
    title: 'A narrow valley: SGD vs Momentum',
    look: 'With κ = 50, SGD must keep α below 2/50 and then crawls along the flat direction; Momentum builds speed along it.',
    params: { surf: 'bowl', kappa: '50', racers: 'sgd,momentum', slr: '0.035', beta: '0.9' },
  },
  {
    title: 'Too large a learning rate',
    look: 'On the κ = 10 bowl, α = 0.21 is just above 2/λmax = 0.2: each step overshoots further and the run diverges.',
    params: { surf: 'bowl', kappa: '10', racers: 'sgd', slr: '0.21' },
  },
  {
    title: 'Stuck at a saddle',
    look: 'Started almost exactly above the saddle, SGD slides into it and sits on the plateau f = ¼; Adam rescales the tiny sideways gradient and leaves at once.',
    params: { surf: 'saddle', racers: 'sgd,momentum,adam', sx: '0.001', sy: '1.5' },
  },
  {
    title: 'The Rosenbrock valley',
    look: 'Finding the curved valley is quick; following it to (1, 1) is slow for plain gradient descent.',
    params: { surf: 'rosenbrock', racers: 'sgd,momentum,adam' },
  },
  {
    title: 'Same start, different minima',
    look: 'On Himmelblau, Momentum overshoots into a different one of the four minima than the others.',
    params: { surf: 'himmelblau', racers: 'sgd,momentum,nesterov,rmsprop,adam' },
  },
  {
    title: 'Noisy gradients',
    look: 'Noise turns exact gradients into stochastic ones, as mini-batches do: paths jitter and never quite settle.',
    params: { surf: 'bowl', kappa: '10', racers: 'sgd,adam', gnoise: '2' },
  },
];

export function TryThis({ onTry }: { onTry: (e: Experiment) => void }) {
  return (
    <div className="try-this">
      <h3>Try this</h3>
      <ul>
        {EXPERIMENTS.map((e) => (
          <li key={e.title}>
            <button type="button" onClick={() => onTry(e)}>
              {e.title}
            </button>{' '}
            <span>{e.look}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
