/**
 * PNG and SVG copies of a canvas figure: the figure's own draw function runs
 * again on a fresh 2× canvas (PNG) or on svgcanvas's recording context (SVG),
 * on the page's background colour, so the file looks like the screen.
 */

export interface Drawable {
  draw: (ctx: CanvasRenderingContext2D, width: number) => void;
  width: number;
  height: number;
}

const background = () => getComputedStyle(document.documentElement).getPropertyValue('--card').trim() || '#ffffff';

export function pngOf(d: Drawable, scale = 2): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(d.width * scale);
  canvas.height = Math.round(d.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('no 2-D canvas'));
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = background();
  ctx.fillRect(0, 0, d.width, d.height);
  d.draw(ctx, d.width);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** svgcanvas is loaded on the first SVG download only (it is not needed to draw). */
export async function svgOf(d: Drawable): Promise<string> {
  const { Context: SvgContext } = await import('svgcanvas');
  const ctx = new SvgContext({ width: d.width, height: d.height });
  // The recording context implements the drawing calls the figures use.
  const c2d = ctx as unknown as CanvasRenderingContext2D;
  c2d.fillStyle = background();
  c2d.fillRect(0, 0, d.width, d.height);
  d.draw(c2d, d.width);
  return ctx.getSerializedSvg(true);
}
