/** The lessons in teaching order: id, route, title, one-line pitch, and whether it is live yet. */
export interface LessonEntry {
  id: 'gradient-descent' | 'backprop' | 'cnn' | 'rnn' | 'attention' | 'embeddings';
  path: string;
  title: string;
  /** Short name for the navigation bar. */
  short: string;
  summary: string;
  available: boolean;
}

export const LESSONS: readonly LessonEntry[] = [
  {
    id: 'gradient-descent',
    path: '/gradient-descent',
    title: 'Gradient descent',
    short: 'Gradient descent',
    summary: 'Fit a line by following the slope of the loss downhill; feel what the learning rate, batch size and optimiser do.',
    available: true,
  },
  {
    id: 'backprop',
    path: '/backprop',
    title: 'Backpropagation',
    short: 'Backprop',
    summary: 'Step through the chain rule on a tiny network, then train multi-layer networks on 2-D data.',
    available: true,
  },
  {
    id: 'cnn',
    path: '/cnn',
    title: 'Convolutional networks',
    short: 'CNN',
    summary: 'Train a CNN on real MNIST digits, watch its filters form, and classify a digit you draw.',
    available: true,
  },
  {
    id: 'rnn',
    path: '/rnn',
    title: 'Recurrent networks',
    short: 'RNN',
    summary: 'SimpleRNN, LSTM and GRU on sequences: watch hidden states and gates, and measure vanishing gradients.',
    available: true,
  },
  {
    id: 'attention',
    path: '/attention',
    title: 'Attention and Transformers',
    short: 'Attention',
    summary: 'Train a small Transformer and watch its attention patterns form.',
    available: true,
  },
  {
    id: 'embeddings',
    path: '/embeddings',
    title: 'Word embeddings',
    short: 'Embeddings',
    summary: 'Train word2vec on a real corpus and watch words that are used alike move together.',
    available: true,
  },
];

/** Query keys every page understands, outside any lesson's own schema. */
export const GLOBAL_KEYS = ['backend'] as const;
