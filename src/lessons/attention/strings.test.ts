import { describe } from 'vitest';
import { stringTableTests } from '../../i18n/string-table-tests';
import { en, zh } from './strings';

/** Names that stay as they are in Chinese text. */
const KEEP = /\[MASK\]|d_model|d_k|SGD|Adam|Momentum|BERT|Dropout|Transformer|softmax|Q\/K\/V|out_t|in_|mod/g;

describe('attention strings', () => {
  stringTableTests(en, zh, KEEP);
});
