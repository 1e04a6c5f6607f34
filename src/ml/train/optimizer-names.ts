/** Optimiser names and labels with no tfjs import, so the page can list them without loading tfjs. */
export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  adam: 'Adam',
};

/** The optimisers of the loss-surface race (see optimizers.ts for their exact tfjs update rules). */
export const RACE_OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam'] as const;
export type RaceOptimizerName = (typeof RACE_OPTIMIZERS)[number];

export const RACE_OPTIMIZER_LABELS: Record<RaceOptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  rmsprop: 'RMSProp',
  adam: 'Adam',
};

