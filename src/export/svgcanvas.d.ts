// svgcanvas ships no types: the part we use. Its Context implements the
// CanvasRenderingContext2D drawing calls and records them as SVG.
declare module 'svgcanvas' {
  export class Context {
    constructor(options: { width: number; height: number });
    getSerializedSvg(fixNamedEntities?: boolean): string;
  }
}
