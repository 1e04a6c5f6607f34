import { afterEach, describe, expect, it } from 'vitest';
import { registerStrings, setLang } from '../../i18n';
import { defaults, parseParams, serializeParams } from '../../state/schema';
import { ATTN_PARAMS, dModelGrid, hyperOf, resolveAttn, snapDModel, specOf } from './params';
import { ATTN_STRINGS } from './strings';
import { shortTokenLabel, tokenLabel } from './tokens';

registerStrings('attn', ATTN_STRINGS);
afterEach(() => setLang('en'));

const base = defaults(ATTN_PARAMS);

describe('attention URL state', () => {
  it('defaults to the measured reversal setup and need no cross-key fixes', () => {
    expect(specOf(base)).toEqual({
      kind: 'transformer',
      task: 'reverse',
      seqLen: 6,
      vocab: 8,
      layers: 1,
      heads: 2,
      dModel: 32,
      positional: 'sinusoidal',
      causal: false,
      seed: 1,
    });
    expect(resolveAttn(base)).toEqual({ values: base, notices: [] });
    expect(hyperOf(base)).toMatchObject({ learningRate: 5e-3, warmup: 50, batchSize: 32, dropout: 0, optimizer: 'adam', probeTokens: null });
  });

  it('keys never collide with the global ones', () => {
    for (const k of ['backend', 'lang', 'embed']) expect(Object.keys(ATTN_PARAMS)).not.toContain(k);
  });

  it('snaps d_model so that every head gets the same d_k', () => {
    expect(dModelGrid(3)).toEqual({ min: 24, max: 60, step: 12 });
    expect(dModelGrid(4)).toEqual({ min: 16, max: 64, step: 4 });
    expect(snapDModel(32, 3)).toBe(36);
    expect(snapDModel(64, 3)).toBe(60);
    expect(snapDModel(16, 3)).toBe(24);
    expect(snapDModel(30, 2)).toBe(32);
    for (let h = 1; h <= 4; h++) for (let d = 16; d <= 64; d++) expect(snapDModel(d, h) % h).toBe(0);
  });

  it('clamps the offset and the traced layer, head and query into the model, with notices', () => {
    const { values, notices } = resolveAttn(parseParams(ATTN_PARAMS, new URLSearchParams('len=5&offset=9&tl=1&th=3&tq=11&heads=3&d=32')).values);
    expect(values).toMatchObject({ offset: 4, tl: 0, th: 2, tq: 4, d: 36 });
    expect(notices).toEqual([
      'd=32: d_model moves in steps of 12 with 3 heads; using 36.',
      'offset=9 is beyond the sequence length 5; using 4.',
      'tl=1 is beyond the 1 layer; using 0.',
      'th=3 is beyond the 3 heads; using 2.',
      'tq=11 is beyond the sequence length 5; using 4.',
    ]);
  });

  it('writes its notices in Chinese when the page is in Chinese', () => {
    setLang('zh');
    const { notices } = resolveAttn(parseParams(ATTN_PARAMS, new URLSearchParams('len=5&tq=11&heads=3&d=32')).values);
    expect(notices).toEqual(['d=32：有 3 个头时，d_model 以 12 为步长取值，已改为 36。', 'tq=11 超出了序列长度 5，已改为 4。']);
  });

  it('puts offset and mask rate in the spec only for their tasks', () => {
    expect(specOf({ ...base, task: 'copy', offset: 2 })).toMatchObject({ task: 'copy', offset: 2 });
    expect(specOf({ ...base, task: 'copy' })).not.toHaveProperty('maskRate');
    expect(specOf({ ...base, task: 'masked', mrate: 0.5 })).toMatchObject({ maskRate: 0.5 });
    expect(specOf({ ...base, task: 'masked' })).not.toHaveProperty('offset');
  });

  it('a resolved configuration round-trips through the URL', () => {
    const v = resolveAttn({ ...base, heads: 3, d: 48, pe: 'none', causal: true, tq: 5 }).values;
    const again = parseParams(ATTN_PARAMS, serializeParams(ATTN_PARAMS, v));
    expect(again.notices).toEqual([]);
    expect(resolveAttn(again.values)).toEqual({ values: v, notices: [] });
  });
});

describe('token labels', () => {
  it('names digits, letters and [MASK]', () => {
    const vocab = { maskToken: 12 };
    expect([0, 9, 10, 11, 12].map((t) => tokenLabel(vocab, t))).toEqual(['0', '9', 'A', 'B', '[MASK]']);
    expect(shortTokenLabel(vocab, 12)).toBe('M');
    expect(tokenLabel(null, 12)).toBe('C');
    expect(tokenLabel(null, -1)).toBe('?');
  });
});
