import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { clampTestIndex, modelSpecOf, CNN_PARAMS } from './params';
import { defaults } from '../../state/schema';
import { en, zh } from './strings';

type Tree = { [k: string]: string | Tree };

function leaves(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else leaves(v, `${prefix}${k}.`).forEach((s, key) => out.set(key, s));
  }
  return out;
}

const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}|<(\w+)\/>/g)].map((m) => m[1] ?? `<${m[2]}/>`).sort();

describe('the cnn strings', () => {
  const e = leaves(en);
  const z = leaves(zh);

  it('zh has exactly the keys of en, none empty, with the same placeholders and tags', () => {
    expect([...z.keys()].sort()).toEqual([...e.keys()].sort());
    for (const [k, s] of e) {
      const c = z.get(k)!;
      expect(c.trim(), k).not.toBe('');
      expect(vars(c), k).toEqual(vars(s));
    }
  });

  it('zh has no English words left, apart from code-like names', () => {
    const allowed = /^(SGD|Adam|ReLU|MNIST|MLP|CNN|WASM|Conv2DBackpropFilter|He|Dropout|softmax|same|valid|img|TensorFlow|Shift|max|p|x|y|w|b|k|y)$/;
    for (const [k, s] of z) {
      const words = s.replace(/\{\{\w+\}\}|<\w+\/>/g, '').match(/[A-Za-z][A-Za-z0-9]+/g) ?? [];
      expect(words.filter((w) => !allowed.test(w)), k).toEqual([]);
    }
  });

  it('notices from the URL follow the language', async () => {
    const v = defaults(CNN_PARAMS);
    await i18next.changeLanguage('zh');
    try {
      expect(clampTestIndex(500, 200).notice).toContain('199');
      expect(clampTestIndex(500, 200).notice).toContain('测试数字');
      expect(modelSpecOf({ ...v, model: 'custom', blocks: 3, kernel: '5', pad: 'valid' }).notices[0]).toContain('已改为 2 个');
    } finally {
      await i18next.changeLanguage('en');
    }
    expect(clampTestIndex(500, 200).notice).toBe('img is outside the 200 test digits (0 … 199); using 199.');
  });
});
