import { useCallback, useEffect, useRef, useState } from 'react';
import { inkFromRgba, preprocessDigit } from '../../datasets/mnist-preprocess';
import { fmt, fmtInt } from '../../format';
import type { Phase } from '../../state/training-session';
import { PixelImage } from './ImageGrid';

/** Internal resolution of the drawing canvas (CSS scales it). */
const SIZE = 280;
const STROKE = 22;
/** At most one prediction per this many ms while drawing… */
const MIN_PREDICT_MS = 300;
/** …and per this many while training (each one takes a turn between training steps). */
const TRAINING_PREDICT_MS = 1000;
/** A probability as a percentage that never prints in exponent form. */
function percent(p: number): string {
  const v = 100 * p;
  if (!Number.isFinite(v)) return '—';
  if (v > 0 && v < 0.01) return '< 0.01\u00a0%';
  return `${fmt(v, 3)}\u00a0%`;
}

const EMPTY_MESSAGE = 'Draw a digit first: the box is empty.';

interface Props {
  predict: (input: Float32Array) => Promise<Float32Array>;
  phase: Phase;
  /** The engine's step count: a new value while training means new weights to ask. */
  step: number;
}

type Result =
  | { kind: 'none'; message: string }
  | { kind: 'probs'; probs: number[]; step: number }
  | { kind: 'error'; message: string };

/**
 * Draw a digit with mouse, pen or finger; it is preprocessed as MNIST was (bounding box
 * to 20×20, centre of mass to the middle of 28×28), shown as the network sees it, and
 * classified by the current model — again whenever the weights change while training.
 */
export function DrawDigit({ predict, phase, step }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ id: number; x: number; y: number } | null>(null);
  const pixels = useRef<Float32Array | null>(null);
  const [preview, setPreview] = useState<Float32Array | null>(null);
  const [result, setResult] = useState<Result>({ kind: 'none', message: 'Draw a digit (0–9) in the box; the network’s answer appears here.' });
  const inflight = useRef(false);
  const again = useRef(false);
  const lastAt = useRef(-Infinity);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stepRef = useRef(step);
  stepRef.current = step;
  const ready = phase !== 'starting' && phase !== 'error';

  const runPredict = useCallback(async (gap = MIN_PREDICT_MS): Promise<void> => {
    const px = pixels.current;
    if (!px) return;
    if (inflight.current) {
      again.current = true;
      return;
    }
    const wait = gap - (performance.now() - lastAt.current);
    if (wait > 0) {
      // Trailing call: the latest drawing or weights are always classified in the end.
      if (timer.current === null) {
        timer.current = setTimeout(() => {
          timer.current = null;
          void runPredict(gap);
        }, wait);
      }
      return;
    }
    inflight.current = true;
    lastAt.current = performance.now();
    const atStep = stepRef.current;
    try {
      const out = await predict(px);
      if (pixels.current !== null) {
        const probs = Array.from(out.subarray(0, 10));
        if (probs.length === 10 && probs.every((p) => Number.isFinite(p))) setResult({ kind: 'probs', probs, step: atStep });
        else setResult({ kind: 'error', message: 'The model gave no usable probabilities (its weights are not finite).' });
      }
    } catch {
      // Not built yet (or being rebuilt): asked again when the engine is ready.
      if (pixels.current !== null) setResult({ kind: 'none', message: 'Waiting for the model…' });
    } finally {
      inflight.current = false;
      if (again.current) {
        again.current = false;
        void runPredict();
      }
    }
  }, [predict]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  /** Read the canvas, preprocess, show it, and classify; an empty canvas says so. */
  const classify = useCallback(
    (explicit: boolean) => {
      const ctx = canvasRef.current?.getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      const ink = inkFromRgba(ctx.getImageData(0, 0, SIZE, SIZE).data, SIZE, SIZE, 'alpha');
      const digit = preprocessDigit({ data: ink, width: SIZE, height: SIZE });
      if (!digit) {
        pixels.current = null;
        setPreview(null);
        if (explicit) setResult({ kind: 'none', message: EMPTY_MESSAGE });
        return;
      }
      pixels.current = digit.pixels;
      setPreview(digit.pixels);
      void runPredict();
    },
    [runPredict],
  );

  // New weights (a training view, a reset, a rebuilt model): ask again, throttled.
  useEffect(() => {
    if (ready && pixels.current) void runPredict(TRAINING_PREDICT_MS);
  }, [step, ready, runPredict]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * SIZE) / r.width, y: ((e.clientY - r.top) * SIZE) / r.height };
  };
  const ctx2d = () => {
    const ctx = canvasRef.current?.getContext('2d', { willReadFrequently: true });
    if (ctx) {
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.lineWidth = STROKE;
      ctx.strokeStyle = '#fff';
      ctx.fillStyle = '#fff';
    }
    return ctx;
  };
  const onDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = point(e);
    drawing.current = { id: e.pointerId, ...p };
    const ctx = ctx2d();
    if (!ctx) return;
    ctx.beginPath();
    ctx.arc(p.x, p.y, STROKE / 2, 0, 2 * Math.PI);
    ctx.fill();
  };
  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const d = drawing.current;
    if (!d || d.id !== e.pointerId) return;
    const p = point(e);
    const ctx = ctx2d();
    if (!ctx) return;
    ctx.beginPath();
    ctx.moveTo(d.x, d.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    drawing.current = { id: d.id, ...p };
    if (performance.now() - lastAt.current > MIN_PREDICT_MS) classify(false);
  };
  const onUp = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current?.id !== e.pointerId) return;
    drawing.current = null;
    classify(false);
  };
  const clear = () => {
    canvasRef.current?.getContext('2d', { willReadFrequently: true })?.clearRect(0, 0, SIZE, SIZE);
    pixels.current = null;
    setPreview(null);
    setResult({ kind: 'none', message: 'Cleared. Draw a digit (0–9) in the box.' });
  };

  const probs = result.kind === 'probs' ? result.probs : null;
  const best = probs ? probs.indexOf(Math.max(...probs)) : -1;
  const sum = probs ? probs.reduce((a, b) => a + b, 0) : 0;

  return (
    <div className="draw-digit">
      <div className="draw-pad">
        <canvas
          ref={canvasRef}
          width={SIZE}
          height={SIZE}
          className="draw-canvas"
          data-testid="draw-canvas"
          aria-label="Drawing area: draw a digit with the mouse, a pen or a finger"
          role="img"
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
        />
        <div className="cnn-inline-buttons">
          <button type="button" onClick={clear}>
            Clear
          </button>
          <button type="button" onClick={() => classify(true)}>
            Classify
          </button>
        </div>
      </div>
      <div className="draw-seen">
        {preview ? (
          <PixelImage values={preview} width={28} height={28} px={112} label="Your digit as the network sees it: 28×28, centred like MNIST" />
        ) : (
          <div className="pixel-placeholder large" />
        )}
        <small>what the network sees: 28×28, box 20×20, centred by mass</small>
      </div>
      <div className="draw-result" aria-live="polite">
        {probs ? (
          <>
            <p className="draw-answer">
              It reads <b data-testid="digit-prediction">{best}</b> ({percent(probs[best]!)})
              <small> — weights at step {fmtInt(result.kind === 'probs' ? result.step : 0)}</small>
            </p>
            <ol className="prob-bars" data-testid="digit-probs" data-sum={sum} aria-label="Probability of each digit">
              {probs.map((p, d) => (
                <li key={d} data-digit={d} data-value={p} className={d === best ? 'best' : undefined}>
                  <span className="prob-digit">{d}</span>
                  <span className="prob-track">
                    <span className="prob-fill" style={{ width: `${Math.max(0, Math.min(100, 100 * p))}%` }} />
                  </span>
                  <span className="prob-value">{percent(p)}</span>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p className={result.kind === 'error' ? 'alert' : 'draw-message'} data-testid="draw-message">
            {result.kind === 'probs' ? '' : result.message}
          </p>
        )}
      </div>
    </div>
  );
}
