import { describe, expect, it } from 'vitest';
import { TINY_NODES, forward, DEFAULT_TINY_INPUT, DEFAULT_TINY_PARAMS } from '../ml/backprop/tiny-net';
import { hexToRgb, pixelToData, dataToPixel, plotBox, predictionColor, predictionImage, unitImage } from './decision-map';
import { networkLayout } from './network-diagram';
import { TINY_GRAPH_SIZE, TINY_NODE_POS, TINY_NODE_RADIUS, edgeGeometry } from './tiny-graph-layout';

const colors = { classes: [hexToRgb('#d55e00'), hexToRgb('#0072b2'), hexToRgb('#009e73')], neutral: hexToRgb('#ffffff') };

describe('decision map', () => {
  it('parses colours', () => {
    expect(hexToRgb('#0072b2')).toEqual([0, 114, 178]);
    expect(hexToRgb('#fff')).toEqual([255, 255, 255]);
    expect(hexToRgb('rgb(1,2,3)')).toEqual([128, 128, 128]);
  });

  it('colours p = ½ neutral and confident predictions towards their class', () => {
    expect(predictionColor([0.5], 0, 'binary', 1, colors, false)).toEqual([255, 255, 255]);
    const blue = predictionColor([1], 0, 'binary', 1, colors, false);
    const orange = predictionColor([0], 0, 'binary', 1, colors, false);
    expect(blue[2]).toBeGreaterThan(blue[0]);
    expect(orange[0]).toBeGreaterThan(orange[2]);
    // Discrete mode: every p above ½ gets the full tint.
    expect(predictionColor([0.51], 0, 'binary', 1, colors, true)).toEqual(blue);
    // Three classes at chance: neutral; a sure class 2: tinted green.
    expect(predictionColor([1 / 3, 1 / 3, 1 / 3], 0, 'multiclass', 3, colors, false).map(Math.round)).toEqual([255, 255, 255]);
    const green = predictionColor([0, 0, 1], 0, 'multiclass', 3, colors, false);
    expect(green[1]).toBeGreaterThan(green[0]);
    // Non-finite values never produce NaN colours.
    expect(predictionColor([NaN], 0, 'regression', 1, colors, false).every(Number.isFinite)).toBe(true);
  });

  it('paints whole images', () => {
    const img = predictionImage({ size: 2, channels: 1, values: [0, 0.5, 1, 0.5] }, 'binary', colors, false);
    expect(img).toHaveLength(16);
    expect([img[4], img[5], img[6], img[7]]).toEqual([255, 255, 255, 255]);
    const unit = unitImage([0, 0, -2, 4, 1, 1], 2, 2, colors);
    expect(unit).toHaveLength(16);
  });

  it('maps pixels to data and back', () => {
    const box = plotBox(400, 300);
    expect(box.size).toBeLessThanOrEqual(300);
    const { px, py } = dataToPixel(2, -3, box, 6);
    const d = pixelToData(px, py, box, 6);
    expect(d.x1).toBeCloseTo(2, 9);
    expect(d.x2).toBeCloseTo(-3, 9);
    expect(pixelToData(-100, -100, box, 6)).toEqual({ x1: -6, x2: 6 });
  });
});

describe('network diagram layout', () => {
  it('fits every unit inside the canvas, columns left to right', () => {
    for (const [w, h] of [[300, 280], [700, 300]] as const) {
      const l = networkLayout(w, h, [7, 8, 8, 8, 8, 8, 8, 1]);
      for (const col of l) for (const b of col) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.size).toBeLessThanOrEqual(w);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.y + b.size).toBeLessThanOrEqual(h);
      }
      for (let c = 1; c < l.length; c++) expect(l[c]![0]!.x).toBeGreaterThan(l[c - 1]![0]!.x + l[c - 1]![0]!.size);
    }
  });
});

describe('tiny graph layout', () => {
  it('places every node inside the view box without overlaps, and labels every edge', () => {
    for (const id of TINY_NODES) {
      const p = TINY_NODE_POS[id];
      expect(p.x - TINY_NODE_RADIUS).toBeGreaterThanOrEqual(0);
      expect(p.x + TINY_NODE_RADIUS).toBeLessThanOrEqual(TINY_GRAPH_SIZE.width);
      expect(p.y - TINY_NODE_RADIUS).toBeGreaterThanOrEqual(0);
      expect(p.y + TINY_NODE_RADIUS).toBeLessThanOrEqual(TINY_GRAPH_SIZE.height);
      for (const other of TINY_NODES) {
        if (other === id) continue;
        const q = TINY_NODE_POS[other];
        expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(2 * TINY_NODE_RADIUS);
      }
    }
    const f = forward(DEFAULT_TINY_PARAMS, DEFAULT_TINY_INPUT, 1, 'sigmoid');
    const labels = f.edges.map((e) => edgeGeometry(e.from, e.to));
    // No two labels on top of each other.
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i]!;
      const b = labels[j]!;
      expect(Math.abs(a.lx - b.lx) > 40 || Math.abs(a.ly - b.ly) > 16).toBe(true);
    }
  });
});
