import { describe } from 'vitest';
import { stringTableTests } from '../../i18n/string-table-tests';
import { en, zh } from './strings';

/** Names that stay as they are in Chinese text. */
const KEEP = /SimpleRNN|RNN|LSTM|GRU|SGD|Adam|RMSProp|Momentum|BPTT|Glorot|tanh|sigmoid|softmax/g;

describe('RNN strings', () => {
  stringTableTests(en, zh, KEEP);
});
