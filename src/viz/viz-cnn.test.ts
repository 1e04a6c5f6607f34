import { describe, expect, it } from 'vitest';
import { cellAlpha, confusionCellAt, confusionLayout, topConfusions } from './confusion-matrix';
import { divergingColor, inkColor, layoutGrid, maxAbs, tileAt, tileOrigin } from './image-grid';

describe('image grid layout', () => {
  it('fits as many tiles per row as the width allows, capped by count and maxCols', () => {
    const l = layoutGrid(32, 3, 3, 300, { tilePx: 34, gap: 4 });
    expect(l.cols).toBe(8); // 8·34 + 7·4 = 300
    expect(l.rows).toBe(4);
    expect(l.width).toBe(300);
    expect(layoutGrid(5, 3, 3, 300, { tilePx: 34 }).cols).toBe(5);
    expect(layoutGrid(32, 3, 3, 300, { tilePx: 34, maxCols: 4 }).cols).toBe(4);
  });

  it('shrinks tiles to give exactly `cols` columns', () => {
    const l = layoutGrid(30, 28, 28, 200, { tilePx: 44, gap: 4, cols: 10 });
    expect(l.cols).toBe(10);
    expect(l.width).toBeCloseTo(200);
    expect(l.tileWidth).toBeCloseTo((200 - 36) / 10);
  });

  it('never lays out wider than the space, even for one huge tile', () => {
    const l = layoutGrid(1, 28, 28, 50, { tilePx: 120 });
    expect(l.width).toBe(50);
    expect(l.tileHeight).toBe(50);
  });

  it('finds tiles by position, and nothing in the gaps', () => {
    const l = layoutGrid(10, 3, 3, 100, { tilePx: 20, gap: 5, labelHeight: 10 });
    const o = tileOrigin(l, 5);
    expect(tileAt(l, o.x + 1, o.y + 1)).toBe(5);
    expect(tileAt(l, 22, 1)).toBeNull();
    expect(tileAt(l, -1, 0)).toBeNull();
  });
});

describe('colours', () => {
  it('maps ink and weights', () => {
    expect(inkColor(0)).toEqual([0, 0, 0]);
    expect(inkColor(1)).toEqual([255, 255, 255]);
    expect(inkColor(Number.NaN)).toEqual([0, 0, 0]);
    expect(divergingColor(0, 1)).toEqual([247, 247, 247]);
    expect(divergingColor(-5, 1)).toEqual([33, 102, 172]);
    expect(divergingColor(1, 0)).toEqual([247, 247, 247]);
    expect(maxAbs([1, -3, Number.NaN, 2])).toBe(3);
  });
});

describe('confusion matrix', () => {
  const m = new Int32Array(100);
  m[4 * 10 + 9] = 7;
  m[7 * 10 + 1] = 3;
  m[0] = 50;

  it('lists the most frequent mistakes, ignoring the diagonal', () => {
    expect(topConfusions(m, 5)).toEqual([
      { truth: 4, predicted: 9, count: 7 },
      { truth: 7, predicted: 1, count: 3 },
    ]);
  });

  it('lays out 10 cells that fit, and maps points back to cells', () => {
    const l = confusionLayout(330);
    expect(l.width).toBeLessThanOrEqual(330);
    expect(confusionCellAt(l, l.left + 2 * l.cell + 1, l.top + 3 * l.cell + 1)).toEqual({ truth: 3, predicted: 2 });
    expect(confusionCellAt(l, 1, 1)).toBeNull();
  });

  it('makes a few mistakes visible', () => {
    expect(cellAlpha(0, 100, false)).toBe(0);
    expect(cellAlpha(1, 100, false)).toBeGreaterThan(0.2);
    expect(cellAlpha(100, 100, true)).toBe(1);
  });
});
