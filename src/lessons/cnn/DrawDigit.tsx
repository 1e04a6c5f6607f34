import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inkFromRgba, preprocessDigit } from '../../datasets/mnist-preprocess';
import { fmt, fmtInt } from '../../format';
import type { Phase } from '../../state/training-session';
import { PixelImage } from './ImageGrid';

/** Internal resolution of the drawing canvas (CSS scales it). */
const SIZE = 280;
const STROKE = 22;
/** Keyboard pen: one arrow press moves this far (Shift: KEY_STEP_BIG), in canvas pixels. */
const KEY_STEP = 10;
const KEY_STEP_BIG = 30;
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

interface Props {
  predict: (input: Float32Array) => Promise<Float32Array>;
  phase: Phase;
  /** The engine's step count: a new value while training means new weights to ask. */
  step: number;
}

/** Messages are keys of the 'cnn' namespace, so a language switch re-words them. */
type Message = 'draw.start' | 'draw.empty' | 'draw.cleared' | 'draw.waiting' | 'draw.notFinite';
type Result = { kind: 'none'; message: Message } | { kind: 'probs'; probs: number[]; step: number } | { kind: 'error'; message: Message };

/**
 * Draw a digit with mouse, pen or finger; it is preprocessed as MNIST was (bounding box
 * to 20×20, centre of mass to the middle of 28×28), shown as the network sees it, and
 * classified by the current model — again whenever the weights change while training.
 */
export function DrawDigit({ predict, phase, step }: Props) {
  const { t } = useTranslation('cnn');
  const keysId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  /** The keyboard pen: where it is and whether it is down. */
  const [pen, setPen] = useState({ x: SIZE / 2, y: SIZE / 2, down: false });
  const [penNote, setPenNote] = useState('');
  const drawing = useRef<{ id: number; x: number; y: number } | null>(null);
  const pixels = useRef<Float32Array | null>(null);
  const [preview, setPreview] = useState<Float32Array | null>(null);
  const [result, setResult] = useState<Result>({ kind: 'none', message: 'draw.start' });
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
        else setResult({ kind: 'error', message: 'draw.notFinite' });
      }
    } catch {
      // Not built yet (or being rebuilt): asked again when the engine is ready.
      if (pixels.current !== null) setResult({ kind: 'none', message: 'draw.waiting' });
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
        if (explicit) setResult({ kind: 'none', message: 'draw.empty' });
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
    setPen((p) => ({ ...p, down: false }));
    setResult({ kind: 'none', message: 'draw.cleared' });
  };

  /** The keyboard alternative to drawing: arrows move the pen, Space or Enter puts it down or lifts it. */
  const onKey = (e: React.KeyboardEvent<HTMLCanvasElement>) => {
    const dirs: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const d = dirs[e.key];
    const ctx = ctx2d();
    if (d) {
      e.preventDefault();
      const k = e.shiftKey ? KEY_STEP_BIG : KEY_STEP;
      const x = Math.max(0, Math.min(SIZE, pen.x + d[0] * k));
      const y = Math.max(0, Math.min(SIZE, pen.y + d[1] * k));
      if (pen.down && ctx) {
        ctx.beginPath();
        ctx.moveTo(pen.x, pen.y);
        ctx.lineTo(x, y);
        ctx.stroke();
      }
      setPen({ ...pen, x, y });
      if (pen.down && performance.now() - lastAt.current > MIN_PREDICT_MS) classify(false);
    } else if (e.key === ' ' || e.key === 'Enter' || (e.key === 'Escape' && pen.down)) {
      e.preventDefault();
      const down = e.key === 'Escape' ? false : !pen.down;
      if (down && ctx) {
        ctx.beginPath();
        ctx.arc(pen.x, pen.y, STROKE / 2, 0, 2 * Math.PI);
        ctx.fill();
      }
      setPen({ ...pen, down });
      const at = { x: Math.round((pen.x * 28) / SIZE), y: Math.round((pen.y * 28) / SIZE) };
      setPenNote(t(down ? 'draw.penDown' : 'draw.penUp', at));
      classify(false);
    }
  };

  const probs = result.kind === 'probs' ? result.probs : null;
  const best = probs ? probs.indexOf(Math.max(...probs)) : -1;
  const sum = probs ? probs.reduce((a, b) => a + b, 0) : 0;

  return (
    <div className="draw-digit">
      <div className="draw-pad">
        <div className="draw-surface">
          <canvas
            ref={canvasRef}
            width={SIZE}
            height={SIZE}
            className="draw-canvas"
            data-testid="draw-canvas"
            aria-label={t('draw.canvas')}
            aria-describedby={keysId}
            role="application"
            tabIndex={0}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
            onPointerCancel={onUp}
            onKeyDown={onKey}
          />
          <span
            className={`draw-cursor${pen.down ? ' down' : ''}`}
            style={{ left: `${(100 * pen.x) / SIZE}%`, top: `${(100 * pen.y) / SIZE}%` }}
            aria-hidden="true"
          />
        </div>
        <small id={keysId} className="draw-keys">
          {t('draw.keys')}
        </small>
        <span className="visually-hidden" aria-live="polite">
          {penNote}
        </span>
        <div className="cnn-inline-buttons">
          <button type="button" onClick={clear}>
            {t('draw.clear')}
          </button>
          <button type="button" onClick={() => classify(true)}>
            {t('draw.classify')}
          </button>
        </div>
      </div>
      <div className="draw-seen">
        {preview ? (
          <PixelImage values={preview} width={28} height={28} px={112} label={t('draw.seen')} />
        ) : (
          <div className="pixel-placeholder large" />
        )}
        <small>{t('draw.seenCaption')}</small>
      </div>
      <div className="draw-result" aria-live="polite">
        {probs ? (
          <>
            <p className="draw-answer">
              {t('draw.reads')} <b data-testid="digit-prediction">{best}</b> ({percent(probs[best]!)})
              <small>{t('draw.atStep', { step: fmtInt(result.kind === 'probs' ? result.step : 0) })}</small>
            </p>
            <ol className="prob-bars" data-testid="digit-probs" data-sum={sum} aria-label={t('draw.probs')}>
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
            {result.kind === 'probs' ? '' : t(result.message)}
          </p>
        )}
      </div>
    </div>
  );
}
