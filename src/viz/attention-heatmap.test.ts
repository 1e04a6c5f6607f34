import { describe, expect, it } from 'vitest';
import { attentionCellAt, attentionChecksum, attentionLayout, drawAttentionHeatmap } from './attention-heatmap';

/** Records what is drawn, like a 2-D context would receive it. */
function recorder() {
  const fills: { style: string; x: number; y: number; w: number; h: number }[] = [];
  const texts: string[] = [];
  const strokes: number[][] = [];
  let arcs = 0;
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    clearRect() {},
    fillRect(x: number, y: number, w: number, h: number) {
      fills.push({ style: ctx.fillStyle, x, y, w, h });
    },
    fillText(t: string) {
      texts.push(t);
    },
    strokeRect(x: number, y: number, w: number, h: number) {
      strokes.push([x, y, w, h]);
    },
    beginPath() {},
    arc() {
      arcs++;
    },
    stroke() {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, fills, texts, strokes, arcs: () => arcs };
}

describe('attention heatmap layout', () => {
  it('fits T cells into the width after the label gutter, capped at 40 px', () => {
    const l = attentionLayout(200, 6, 1);
    expect(l.left + 6 * l.cell).toBeLessThanOrEqual(200);
    expect(l.width).toBeLessThanOrEqual(200);
    expect(l.height).toBe(l.top + 6 * l.cell + 2);
    expect(attentionLayout(2000, 4).cell).toBe(40);
    expect(attentionLayout(0, 12).cell).toBe(4);
  });

  it('a wider label gutter for longer labels', () => {
    expect(attentionLayout(200, 6, 6).left).toBeGreaterThan(attentionLayout(200, 6, 1).left);
  });

  it('finds the (query, key) cell under a point, and nothing outside', () => {
    const l = attentionLayout(200, 5);
    expect(attentionCellAt(l, l.left + 2.5 * l.cell, l.top + 3.5 * l.cell)).toEqual({ query: 3, key: 2 });
    expect(attentionCellAt(l, l.left - 1, l.top + 1)).toBeNull();
    expect(attentionCellAt(l, l.left + 1, l.top + 5 * l.cell + 1)).toBeNull();
  });
});

describe('drawAttentionHeatmap', () => {
  it('draws T·T cells (dark for 0, yellow for 1), both label axes, the selected row and the ideal marks', () => {
    const T = 3;
    const weights = [1, 0, 0, 0, 1, 0, 0, 0, Number.NaN];
    const r = recorder();
    drawAttentionHeatmap(r.ctx, {
      layout: attentionLayout(120, T),
      weights,
      labels: ['a', 'b', 'c'],
      selectedRow: 1,
      ideal: [[2], [1], [0]],
      colors: { text: '#000', highlight: '#f00' },
    });
    expect(r.fills).toHaveLength(T * T);
    expect(r.fills[0]!.style).toBe('rgb(253,231,37)');
    expect(r.fills[1]!.style).toBe('rgb(68,1,84)');
    expect(r.fills[8]!.style).toBe('rgb(68,1,84)'); // NaN drawn as 0
    expect(r.texts).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    expect(r.strokes).toHaveLength(1);
    expect(r.arcs()).toBe(3);
  });
});

describe('attentionChecksum', () => {
  it('changes when weight moves between cells or heads', () => {
    const a = attentionChecksum([[0.5, 0.5, 0, 1]]);
    expect(attentionChecksum([[0.5, 0.5, 1, 0]])).not.toBe(a);
    expect(attentionChecksum([[0, 0, 0, 0], [0.5, 0.5, 0, 1]])).not.toBe(a);
    expect(attentionChecksum([[Number.NaN]])).toBe(0);
  });
});
